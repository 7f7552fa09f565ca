package org.cdrgen.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.inspect.EventRecord.Column;
import org.cdrgen.schema.ColumnType;
import org.cdrgen.schema.Schema;
import org.cdrgen.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats reader reads the typed schema's columns: every column {@link EventRecord} reads is a column of
 * {@link Schema#EVENTS}, it parses each as the schema's type (integers, flags, UTC times) and those parsers
 * accept every value of a generated drop, and a read that does not fit the schema's type is refused.
 */
class EventRecordSchemaTest {
    @TempDir
    static Path tmp;
    static Path eventFile;

    @BeforeAll
    static void generate() throws IOException {
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "30", "--days", "1", "--seed", "7", "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        try (Stream<Path> files = Files.walk(drop.resolve("events"))) {
            eventFile = files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void everyColumnReadIsASchemaColumnOfTheTypeItHolds() {
        for (Column c : Column.values()) {
            assertEquals(c.name().toLowerCase(Locale.ROOT), c.header);
            assertTrue(Schema.EVENTS.find(c.header).isPresent(), c.header + " is not a column of Schema.EVENTS");
            assertEquals(Schema.EVENTS.column(c.header).type(), c.type, c.header);
        }
    }

    /** Each column through the parser of its schema type, on every row of a generated event file. */
    @Test
    void theParserOfEachSchemaTypeReadsAGeneratedDrop() throws IOException {
        Set<ColumnType> parsed = EnumSet.noneOf(ColumnType.class);
        try (Reader in = Files.newBufferedReader(eventFile, StandardCharsets.UTF_8);
                CSVParser parser = DropReader.FORMAT.parse(in)) {
            EventRecord row = new EventRecord(eventFile, parser.getHeaderMap());
            List<CSVRecord> records = parser.getRecords();
            assertFalse(records.isEmpty(), eventFile + " has no rows");
            for (CSVRecord record : records) {
                row.set(record);
                for (Column c : Column.values()) {
                    if (row.isEmpty(c)) {
                        continue;
                    }
                    parsed.add(c.type);
                    readAsItsType(row, c);
                }
            }
        }
        assertEquals(EnumSet.of(ColumnType.LONG, ColumnType.INT, ColumnType.BOOLEAN, ColumnType.TIMESTAMP, ColumnType.TEXT),
                parsed, "types of the columns EventRecord read in " + eventFile);
    }

    private static void readAsItsType(EventRecord row, Column c) {
        switch (c.type) {
            case LONG -> row.getLong(c);
            case INT -> {
                long value = row.getLong(c);
                assertEquals((int) value, value, c.header + " is INT in the schema");
            }
            case BOOLEAN -> assertTrue(row.get(c).equals("true") || row.get(c).equals("false"), c.header);
            case TIMESTAMP -> {
                int hour = row.utcHour(c);
                assertTrue(hour >= 0 && hour <= 23, c.header);
            }
            default -> row.get(c);
        }
    }

    @Test
    void aReadThatDoesNotFitTheSchemaTypeIsRefused() throws IOException {
        try (Reader in = Files.newBufferedReader(eventFile, StandardCharsets.UTF_8);
                CSVParser parser = DropReader.FORMAT.parse(in)) {
            EventRecord row = new EventRecord(eventFile, parser.getHeaderMap());
            row.set(parser.iterator().next());
            assertEquals(ColumnType.TEXT, Column.SERVED_IMSI.type, "IMSIs are text, never numbers");
            assertThrows(IllegalStateException.class, () -> row.getLong(Column.SERVED_IMSI));
            assertThrows(IllegalStateException.class, () -> row.flag(Column.START_TIME));
            assertThrows(IllegalStateException.class, () -> row.utcHour(Column.ROAMING));
        }
    }
}
