package de.smartcitylod.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example queries in {@code queries/}: each {@code .rq} file starts with comment lines
 * {@code # title-de:}, {@code # title-en:}, {@code # de:} and {@code # en:} saying what it answers.
 */
public final class ExampleQueries {
    public record Example(String name, String titleDe, String titleEn, String de, String en, String text) {}

    private ExampleQueries() {}

    public static List<Example> load(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            List<Example> out = new ArrayList<>();
            for (Path p : s.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) out.add(parse(p));
            return out;
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    static Example parse(Path p) throws IOException {
        String text = Files.readString(p);
        String name = p.getFileName().toString().replaceFirst("\\.rq$", "");
        return new Example(name, header(text, "title-de"), header(text, "title-en"), header(text, "de"), header(text, "en"), text);
    }

    static String header(String text, String key) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("#")) break;
            String body = l.substring(1).strip();
            if (body.startsWith(key + ":")) return body.substring(key.length() + 1).strip();
        }
        return "";
    }
}
