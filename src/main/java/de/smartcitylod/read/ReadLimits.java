package de.smartcitylod.read;

/**
 * How large a data file, a line and a cell may be. Checked while a file is streamed, so that a file
 * that never ends or a line without a break is refused with its position before memory runs out.
 */
public record ReadLimits(long maxFileBytes, int maxLineChars, int maxCellChars) {
    /** Generous for hand-curated tables and the 1M-row benchmark alike. */
    public static final ReadLimits DEFAULTS = new ReadLimits(1L << 30, 1 << 20, 64 * 1024);

    public ReadLimits {
        if (maxFileBytes < 1 || maxLineChars < 1 || maxCellChars < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /** A size for messages: 1073741824 → "1 GiB". */
    static String bytes(long n) {
        if (n % (1L << 30) == 0) return (n >> 30) + " GiB";
        if (n % (1L << 20) == 0) return (n >> 20) + " MiB";
        if (n % (1L << 10) == 0) return (n >> 10) + " KiB";
        return n + " bytes";
    }
}
