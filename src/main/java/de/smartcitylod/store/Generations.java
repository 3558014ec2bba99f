package de.smartcitylod.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.*;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.stream.Stream;

/**
 * Atomic switching of an output folder between releases. The public path ({@code run/tdb2},
 * {@code run/dumps}) is a symbolic link to one generation folder beside it, named by its release
 * id ({@code run/tdb2.builds/3f9a1c0d2b4e}). A build fills a temporary folder
 * ({@code 20261122-101500-123.tmp}) and only on success renames it to its release id and replaces
 * the link with one atomic rename; a failed or killed build leaves at most a {@code .tmp} folder,
 * which the next build removes. The last few generations stay (time travel, release patches); an
 * older one is deleted only when no live server marks it as open.
 */
public final class Generations {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    static final String TMP = ".tmp";
    /** A server that has a generation open says so with this file in it, named by its process id. */
    public static final String IN_USE = ".in-use-";
    public static final int DEFAULT_KEEP = 3;
    /** Written into a generation when it is whole; a folder without it is what a killed build left. */
    static final String COMPLETE = ".complete";

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
        } catch (NoSuchFileException e) {
            return null;                                    // the link was replaced between the two calls
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** The release id of the current generation (its folder name), or null. */
    public String currentId() {
        Path c = current();
        return c == null ? null : c.getFileName().toString();
    }

    /** The committed generation of a release, or null when it is not kept. */
    public Path generation(String id) {
        Path p = builds.resolve(id);
        return Files.exists(p.resolve(COMPLETE)) ? p : null;
    }

    /** Creates the (empty) folder of release {@code id}, to be filled and committed; TDB2 stores are not renamed once opened. */
    public Path prepare(String id) {
        try {
            Path dir = builds.resolve(id);
            if (Files.exists(dir)) throw new IllegalStateException(dir + " exists already");
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** Creates a new, empty temporary generation folder. */
    public Path prepare() {
        try {
            Files.createDirectories(builds);
            Path dir;
            do { dir = builds.resolve(LocalDateTime.now().format(STAMP) + TMP); } while (Files.exists(dir) && sleep());
            Files.createDirectory(dir);
            return dir;
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    private static boolean sleep() {
        try { Thread.sleep(2); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        return true;
    }

    /**
     * Makes the temporary generation the release {@code id} and points the link at it atomically.
     * If that release is still kept (the same content was published before), the kept folder is
     * served again and the temporary one is dropped: a release never changes once written.
     */
    public Path commit(Path temporary, String id, int keep) {
        try {
            Path target = builds.resolve(id);
            if (!temporary.equals(target)) {
                if (generation(id) != null) discard(temporary);
                else Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.exists(target.resolve(COMPLETE))) Files.writeString(target.resolve(COMPLETE), id + "\n");
            // The marker's time orders the releases: the folder's own time moves whenever a file in it is made.
            Files.setLastModifiedTime(target.resolve(COMPLETE), FileTime.from(Instant.now()));
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                // A plain folder from elsewhere: move it aside once, so the link can take its place.
                Files.move(link, builds.resolve("adopted-" + LocalDateTime.now().format(STAMP)));
            }
            Path tmp = link.resolveSibling(link.getFileName() + ".link-tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, link.getParent().relativize(target));
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(keep);
            return target;
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** Deletes a generation that will not be committed. */
    public void discard(Path generation) { deleteTree(generation); }

    /** Removes what killed builds left behind (folders never marked complete); call only while holding the build lock. */
    public void removeLeftovers() {
        Path cur = current();   // a store served from before releases were marked complete is never a leftover
        for (Path p : entries()) if (!Files.exists(p.resolve(COMPLETE)) && !p.equals(cur) && !p.getFileName().toString().startsWith("adopted-")) deleteTree(p);
    }

    /** Committed generations, newest first (by the time they were last made current, kept in their marker file). */
    public List<Path> releases() {
        List<Path> all = new ArrayList<>();
        for (Path p : entries()) if (Files.exists(p.resolve(COMPLETE))) all.add(p);
        all.sort(Comparator.comparing(Generations::committedAt).reversed().thenComparing(Comparator.reverseOrder()));
        return all;
    }

    /** The newest generation before the current one, or null. */
    public Path previous() {
        Path cur = current();
        return releases().stream().filter(p -> !p.equals(cur)).findFirst().orElse(null);
    }

    private List<Path> entries() {
        if (!Files.isDirectory(builds)) return List.of();
        try (Stream<Path> s = Files.list(builds)) {
            return new ArrayList<>(s.filter(Files::isDirectory).sorted().toList());
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    private static FileTime committedAt(Path p) {
        try { return Files.getLastModifiedTime(p.resolve(COMPLETE)); } catch (IOException e) { return FileTime.fromMillis(0); }
    }

    /** Keeps the current generation and the newest {@code keep - 1} others; skips any a live server has open. */
    public void prune(int keep) {
        Path cur = current();
        List<Path> all = releases();
        all.remove(cur);
        for (int i = Math.max(0, keep - 1); i < all.size(); i++) if (!inUse(all.get(i))) deleteTree(all.get(i));
    }

    /** True when a live process has marked the generation as open. */
    public static boolean inUse(Path generation) {
        try (Stream<Path> s = Files.list(generation)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(IN_USE))
                    .anyMatch(n -> ProcessHandle.of(Long.parseLong(n.substring(IN_USE.length()))).map(ProcessHandle::isAlive).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }
}
