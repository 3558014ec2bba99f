package de.smartcitylod.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.*;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Atomic switching of an output folder. The public path ({@code run/tdb2}, {@code run/dumps}) is a
 * symbolic link to one generation folder beside it ({@code run/tdb2.builds/20261122-101500-123});
 * a build fills a new generation and only on success replaces the link with one atomic rename.
 * A failed build deletes its generation, so what is served stays as it was. The previous
 * generation is kept (a running server may still have it open; release diffs read it).
 */
public final class Generations {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int KEEP = 2;

    private final Path link;
    private final Path builds;

    public Generations(Path link) {
        this.link = link.toAbsolutePath().normalize();
        this.builds = this.link.resolveSibling(this.link.getFileName() + ".builds");
    }

    public Path link() { return link; }

    /** The generation the link points to now, or null when there is none yet. */
    public Path current() {
        try {
            if (Files.isSymbolicLink(link)) return link.resolveSibling(Files.readSymbolicLink(link)).normalize();
            return Files.isDirectory(link) ? link : null;
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** Creates a new, empty generation folder. */
    public Path prepare() {
        try {
            Files.createDirectories(builds);
            Path dir;
            do { dir = builds.resolve(LocalDateTime.now().format(STAMP)); } while (Files.exists(dir) && sleep());
            Files.createDirectory(dir);
            return dir;
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    private static boolean sleep() {
        try { Thread.sleep(2); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        return true;
    }

    /** Points the link at {@code generation} atomically, then prunes old generations. */
    public void commit(Path generation) {
        try {
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                // A plain folder from elsewhere: move it aside once, so the link can take its place.
                Files.move(link, builds.resolve("adopted-" + LocalDateTime.now().format(STAMP)));
            }
            Path tmp = link.resolveSibling(link.getFileName() + ".link-tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, link.getParent().relativize(generation));
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(generation);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** Deletes a generation that will not be committed. */
    public void discard(Path generation) { deleteTree(generation); }

    /** The newest generation before the current one, or null. */
    public Path previous() {
        Path cur = current();
        return list().stream().filter(p -> !p.equals(cur)).max(Comparator.naturalOrder()).orElse(null);
    }

    private List<Path> list() {
        if (!Files.isDirectory(builds)) return List.of();
        try (Stream<Path> s = Files.list(builds)) {
            return new ArrayList<>(s.filter(Files::isDirectory).sorted().toList());
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    private void prune(Path keepCurrent) {
        List<Path> all = list();
        all.remove(keepCurrent);
        all.sort(Comparator.reverseOrder());
        for (int i = KEEP - 1; i < all.size(); i++) deleteTree(all.get(i));
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }
}
