package de.smartcitylod.serve;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The map's projection puts every municipality of the curated data inside its own state's outline. */
class GermanyMapTest {
    @Test void everyMunicipalityLiesInsideItsStatesOutline() throws Exception {
        assertEquals(16, GermanyMap.STATES.size());
        List<String> outside = new ArrayList<>();
        int n = 0;
        try (Reader r = Files.newBufferedReader(Path.of("data/municipalities.csv"));
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                if (rec.get("lat").isEmpty()) continue;
                double[] xy = GermanyMap.project(Double.parseDouble(rec.get("lat")), Double.parseDouble(rec.get("lon")));
                String state = GermanyMap.STATE_IDS.get(rec.get("ags").substring(0, 2));
                var outline = GermanyMap.STATES.stream().filter(s -> s.id().equals(state)).findFirst().orElseThrow();
                if (!outline.shape().contains(xy[0], xy[1])) outside.add(rec.get("name") + " " + xy[0] + "," + xy[1]);
                n++;
            }
        }
        assertTrue(n > 140, "municipalities with coordinates: " + n);
        assertEquals(List.of(), outside);
    }

    @Test void scoreColoursDarkenWithTheScore() {
        assertEquals("#deebf7", GermanyMap.scoreColour(0));
        assertEquals("#12355b", GermanyMap.scoreColour(100));
    }
}
