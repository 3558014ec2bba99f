package de.smartcitylod.publish;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The external sort behind dumps and patches gives the order an in-memory sort gives, across spilled runs. */
class SortedLinesTest {
    @Test void spilledRunsMergeIntoTheInMemoryOrder() {
        Random random = new Random(42);
        List<String> expected = new ArrayList<>();
        try (SortedLines lines = new SortedLines(100)) {            // 5,000 lines: 50 runs on disk
            for (int i = 0; i < 5_000; i++) {
                StringBuilder sb = new StringBuilder("<https://example.org/s/" + random.nextInt(1000) + "> \"");
                int len = i == 7 ? 100_000 : random.nextInt(40);     // one value longer than writeUTF's 64 KB
                for (int k = 0; k < len; k++) sb.append((char) ('a' + random.nextInt(3)));
                if (i % 500 == 0) sb.append("äöü€\uD83D\uDE00");        // non-ASCII, one outside the BMP
                String line = sb.append("\" .\n").toString();
                expected.add(line);
                lines.add(line);
                if (i % 1000 == 0) { expected.add(line); lines.add(line); }    // duplicates are kept
            }
            expected.sort(null);
            List<String> got = new ArrayList<>();
            for (Iterator<String> it = lines.sorted(); it.hasNext(); ) got.add(it.next());
            assertEquals(expected.size(), lines.count());
            assertEquals(expected, got);
        }
    }
}
