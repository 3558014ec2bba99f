package de.smartcitylod.convert;

/**
 * Remembers which resource URIs a build has defined, and where (file and line), for duplicate
 * detection over millions of rows without one object per row: an open-addressing table of 64-bit
 * URI fingerprints to packed origins. Two different URIs share a fingerprint with probability about
 * n²/2⁶⁵ (3·10⁻⁸ for a million rows); such a collision would be reported as a duplicate naming both
 * lines, never silently merged.
 */
final class KeyRegister {
    private static final long EMPTY = 0L;
    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    /** Registers {@code uri} with its origin; returns the origin registered before, or -1 if none. */
    long putIfAbsent(String uri, int file, int line) {
        long fp = fingerprint(uri);
        long packed = ((long) file << 32) | (line & 0xffffffffL);
        if ((size + 1) * 2L > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = mix(fp) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) { keys[i] = fp; values[i] = packed; size++; return -1; }
            if (keys[i] == fp) return values[i];
        }
    }

    static int file(long packed) { return (int) (packed >>> 32); }
    static int line(long packed) { return (int) packed; }

    private void grow() {
        long[] ok = keys, ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == EMPTY) continue;
            int i = mix(ok[j]) & mask;
            while (keys[i] != EMPTY) i = (i + 1) & mask;
            keys[i] = ok[j];
            values[i] = ov[j];
        }
    }

    /** Two independent 32-bit hashes in one pass (polynomial 31 and FNV-1a); never 0 (0 marks an empty slot). */
    static long fingerprint(String s) {
        int poly = 0, fnv = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            poly = 31 * poly + c;
            fnv = (fnv ^ c) * 0x01000193;
        }
        long fp = ((long) poly << 32) | (fnv & 0xffffffffL);
        return fp == EMPTY ? 1 : fp;
    }

    private static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x;
    }
}
