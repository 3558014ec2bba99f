package de.smartcitylod.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The first, streaming pass over a data file. In constant memory it checks what would otherwise
 * surface deep inside the CSV parser, or not at all: the encoding, the file, line and cell limits,
 * control characters, and the quoting (a quote never closed, text after a closing quote). It also
 * reads the directive lines and the header, so the second pass (Commons CSV) starts at the header
 * knowing the delimiter. Every problem is a {@link DataException} with file, line and column.
 */
final class CsvScan {
    /** What the second pass needs to know. {@code headerOffset} counts chars from the file start, BOM included. */
    record Preamble(int headerLine, long headerOffset, char delimiter, boolean decimalComma) {}

    private final String file;
    private final ReadLimits limits;

    private int line = 1, col = 0;          // col: chars of the current line read so far
    private long offset = 0;                // chars read so far
    private boolean prevCr;
    /** Offset of the first char of the current line (after a byte-order mark). */
    private long lineStart;
    /** Whether anything but white space came before the header. */
    private boolean anyContent;
    // Preamble: directive lines, then the header.
    private final StringBuilder current = new StringBuilder();
    private Preamble preamble;
    private boolean decimalComma;
    // Body: quote-aware cell tracking with the delimiter of the header.
    private boolean cellStart = true, inQuotes, quoteMaybeClosing, afterClosingQuote;
    private int cellLength, quoteLine, quoteCol;

    private CsvScan(String file, ReadLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    static Preamble scan(Path path, String file, ReadLimits limits) {
        CsvScan s = new CsvScan(file, limits);
        try (InputStream in = Files.newInputStream(path)) {
            s.run(in);
        } catch (IOException e) {
            throw new DataException(new DataError(file, 0, 0, null, "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
        }
        return s.preamble;
    }

    private void run(InputStream in) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long total = 0;
        boolean first = true, eof = false;
        while (!eof) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) eof = true;
            else {
                total += n;
                if (total > limits.maxFileBytes())
                    fail(line, 0, "file is larger than the limit of " + ReadLimits.bytes(limits.maxFileBytes()) + " (--max-file-size)");
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            if (first && bytes.remaining() >= 2) {
                byte b0 = bytes.get(0), b1 = bytes.get(1);
                if ((b0 == (byte) 0xFE && b1 == (byte) 0xFF) || (b0 == (byte) 0xFF && b1 == (byte) 0xFE))
                    fail(1, 1, "file is UTF-16 (byte order mark found); save it as UTF-8");
                first = false;
            }
            CoderResult r = dec.decode(bytes, chars, eof);
            chars.flip();
            while (chars.hasRemaining()) accept(chars.get());
            chars.clear();
            if (r.isError())
                fail(line, col + 1, String.format("invalid UTF-8 byte 0x%02X; the file must be UTF-8 encoded", bytes.get(bytes.position()) & 0xFF));
            bytes.compact();
        }
        dec.flush(chars);
        endOfFile();
    }

    private void accept(char c) {
        offset++;
        if (c == '\n' && prevCr) { prevCr = false; lineStart = offset; return; }   // the LF of a CR LF
        prevCr = c == '\r';
        if (c == '\n' || c == '\r') { endOfLine(); return; }
        col++;
        if (offset == 1 && c == '\uFEFF') { col = 0; lineStart = 1; return; }  // byte-order mark
        if (!Character.isWhitespace(c)) anyContent = true;
        if (isControl(c))
            fail(line, col, String.format("control character U+%04X is not allowed in a data file", (int) c));
        if (col > limits.maxLineChars())
            fail(line, col, "line is longer than the limit of " + limits.maxLineChars() + " characters (--max-line-length)");
        if (preamble == null) { current.append(c); return; }
        cell(c);
    }

    /** C0 and C1 controls and DEL; TAB is allowed (it is refused as a delimiter, not as content). */
    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    private void cell(char c) {
        if (inQuotes) {
            if (quoteMaybeClosing) {
                quoteMaybeClosing = false;
                if (c == '"') { grow(); return; }                // "" inside quotes: one quote
                inQuotes = false;
                afterClosingQuote = true;
            } else if (c == '"') { quoteMaybeClosing = true; return; }
            else { grow(); return; }
        }
        if (c == preamble.delimiter()) { cellStart = true; afterClosingQuote = false; cellLength = 0; return; }
        if (afterClosingQuote)
            fail(line, col, "unexpected '" + c + "' after the closing quote of a value that began at line " + quoteLine + " column " + quoteCol
                    + "; a value is quoted as a whole, and a quote inside it is written twice (\"\")");
        if (c == '"' && cellStart) { inQuotes = true; quoteLine = line; quoteCol = col; cellStart = false; return; }
        cellStart = false;
        grow();
    }

    private void grow() {
        if (++cellLength > limits.maxCellChars())
            fail(line, col, "value is longer than the limit of " + limits.maxCellChars() + " characters (--max-cell-length)");
    }

    private void endOfLine() {
        if (preamble == null) preambleLine();
        else if (inQuotes && !quoteMaybeClosing) grow();        // a line break inside a quoted value
        else { inQuotes = false; quoteMaybeClosing = false; afterClosingQuote = false; cellStart = true; cellLength = 0; }
        line++;
        col = 0;
        lineStart = offset;
    }

    /** A complete line before the body: a directive, a comment, a blank line, or the header. */
    private void preambleLine() {
        String l = current.toString();
        current.setLength(0);
        String t = l.trim();
        if (t.startsWith("#")) {
            String d = t.substring(1).trim().replace(" ", "");
            if (d.equalsIgnoreCase("decimal=comma")) decimalComma = true;
            else if (d.equalsIgnoreCase("decimal=point")) decimalComma = false;
            else if (d.toLowerCase(Locale.ROOT).startsWith("decimal="))
                fail(line, 1, "unknown directive '" + t + "'; use '# decimal=comma' or '# decimal=point'");
            return;
        }
        if (t.isEmpty()) return;
        preamble = new Preamble(line, lineStart, delimiter(l), decimalComma);
    }

    private char delimiter(String header) {
        int commas = count(header, ','), semis = count(header, ';'), tabs = count(header, '\t');
        if (tabs > 0 && commas == 0 && semis == 0)
            fail(line, header.indexOf('\t') + 1, "tab-separated header; only comma or semicolon delimiters are supported");
        return semis > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    private void endOfFile() {
        if (preamble == null) {
            if (!current.isEmpty() && !current.toString().trim().startsWith("#") && !current.toString().isBlank()) {
                preambleLine();                                   // a header without a final line break
                return;
            }
            if (!anyContent) fail(0, 0, "file is empty; expected a header line");
            fail(line, 0, "file has no header line");
        }
        if (inQuotes && !quoteMaybeClosing)
            fail(quoteLine, quoteCol, "the quoted value starting here is never closed (a closing '\"' is missing)");
    }

    private void fail(int l, int c, String message) {
        throw new DataException(new DataError(file, l, c, null, message));
    }
}
