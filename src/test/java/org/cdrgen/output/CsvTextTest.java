package org.cdrgen.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4180 quoting: only when a value holds a comma, quote or line break, and it round-trips. */
class CsvTextTest {
    static final List<String> AWKWARD = List.of("a,b", "say \"hi\"", "line1\nline2", "cr\rlf\r\n", "\"", ",",
            "\"\"", "plain", "", " spaced ", "ümlaut,€", "end\"", "\"start", "mixed,\"all\"\nthree");

    @Test
    void awkwardValuesRoundTripThroughCommonsCsv() throws IOException {
        StringBuilder line = new StringBuilder();
        for (String v : AWKWARD) {
            line.append(line.length() == 0 ? "" : ",").append(CsvText.quoteIfNeeded(v));
        }
        line.append('\n');
        try (CSVParser parser = CSVParser.parse(new StringReader(line.toString()), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(1, records.size(), line.toString());
            assertEquals(AWKWARD, records.get(0).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "internet", "MSC001", "208-01", "with space", "x.y-z", ""})
    void plainValuesAreNotQuoted(String value) {
        assertEquals(value, CsvText.quoteIfNeeded(value));
    }

    @Test
    void quotedValuesDoubleTheirQuotes() {
        assertEquals("\"a,b\"", CsvText.quoteIfNeeded("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvText.quoteIfNeeded("say \"hi\""));
        assertEquals("\"1\n2\"", CsvText.quoteIfNeeded("1\n2"));
        assertEquals("\"1\r2\"", CsvText.quoteIfNeeded("1\r2"));
    }

    @Test
    void encodeIsTheUtf8OfTheQuotedValue() {
        for (String v : AWKWARD) {
            assertArrayEquals(CsvText.quoteIfNeeded(v).getBytes(StandardCharsets.UTF_8), CsvText.encode(v), v);
        }
    }

    @Test
    void headerLinesAreTheColumnsJoinedByCommas() {
        assertEquals(String.join(",", EventSchema.COLUMNS) + "\n",
                new String(EventSchema.headerLine(EventSchema.COLUMNS), StandardCharsets.US_ASCII));
        assertEquals("a,\"b,c\"\n", new String(EventSchema.headerLine(List.of("a", "b,c")), StandardCharsets.US_ASCII));
    }
}
