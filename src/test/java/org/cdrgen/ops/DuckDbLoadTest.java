package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdrgen.ReadmeDdlTest;
import org.cdrgen.output.EventSchema;
import org.cdrgen.schema.Column;
import org.cdrgen.schema.ColumnType;
import org.cdrgen.schema.Ddl;
import org.cdrgen.schema.Schema;
import org.cdrgen.schema.Table;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer's view: a drop loads into typed DuckDB tables with exactly the README's DuckDB SQL (read from
 * README.md, its 'out/' pointed at a generated drop), every row parses, the tables have the typed schema's
 * columns and types, no column the schema calls NOT NULL holds a NULL, and the counts are the manifest's;
 * the Hive-style folders give the `date` column. Identifiers (IMSI, MSISDN, IMEI, MCC, MNC) are text: an
 * MNC such as "01" must keep its leading zero.
 */
class DuckDbLoadTest {
    @TempDir
    static Path tmp;
    static Path drop;
    static JsonNode manifest;
    /** The README's DuckDB statements: each CREATE TABLE by its table's name, and the closing query. */
    static Map<String, String> createTable;
    static String readmeQuery;

    @BeforeAll
    static void generate() {
        drop = tmp.resolve("drop");
        // ~2 MB a day at 512 KiB per part: several parts per day to add up.
        Cli.generate(drop, 500, 2, "--max-file-size", "512KiB");
        manifest = Drops.manifest(drop);
        readReadme();
    }

    /** Splits the README's DuckDB block into statements and points its 'out/...' paths at the drop. */
    static void readReadme() {
        String dir = drop.toString().replace('\\', '/').replace("'", "''");
        createTable = new LinkedHashMap<>();
        readmeQuery = null;
        for (String statement : ReadmeDdlTest.codeBlockAfter("DuckDB").split(";\\s*\\n")) {
            String sql = statement.strip().replace("'out/", "'" + dir + "/");
            if (sql.startsWith("CREATE TABLE ")) {
                createTable.put(sql.substring("CREATE TABLE ".length()).split("\\s", 2)[0], sql);
            } else if (sql.startsWith("SELECT ")) {
                readmeQuery = sql;
            }
        }
        assertEquals(List.of("events", "subscribers", "cells"), List.copyOf(createTable.keySet()),
                "tables the README's DuckDB SQL creates");
        assertTrue(readmeQuery != null, "the README's DuckDB SQL ends with a query");
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /** "name TYPE" of each column of a DuckDB table, in order, with DuckDB's own type names. */
    static List<String> columnsOf(Statement s, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return columns;
    }

    /** "name TYPE" of each column of the schema's table, as DuckDB reports the types the README declares. */
    static List<String> schemaColumns(Table table) {
        List<String> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            // DuckDB reports its alias TIMESTAMPTZ by the standard name.
            String type = c.type() == ColumnType.TIMESTAMP ? "TIMESTAMP WITH TIME ZONE" : Ddl.duckDbType(c.type());
            columns.add(c.name() + " " + type);
        }
        return columns;
    }

    /** Every column the schema calls never empty loaded without a NULL (read_csv reads an empty field as NULL). */
    static void assertNoNullWhereTheSchemaSaysNotNull(Statement s, Table table) throws SQLException {
        for (Column c : table.columns()) {
            if (!c.nullable()) {
                assertEquals(0, count(s, "SELECT count(*) FROM " + table.name() + " WHERE " + c.name() + " IS NULL"),
                        table.name() + "." + c.name() + " is NOT NULL in the schema");
            }
        }
    }

    static Map<String, Long> manifestRows() {
        Map<String, Long> rows = new TreeMap<>();
        manifest.get("files").forEach(f -> rows.put(f.get("path").asText(), f.get("rows").asLong()));
        return rows;
    }

    @Test
    void eventsLoadIntoATypedTableWithTheManifestsCounts() throws SQLException {
        TreeMap<String, Long> manifestPerDay = new TreeMap<>();
        manifestRows().forEach((path, rows) -> {
            if (path.startsWith("events/date=")) {
                manifestPerDay.merge(path.substring("events/date=".length(), path.lastIndexOf('/')), rows, Long::sum);
            }
        });
        assertEquals(2, manifestPerDay.size());

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(createTable.get("events"));
            List<String> expectedColumns = schemaColumns(Schema.EVENTS);
            expectedColumns.add("date DATE");
            assertEquals(expectedColumns, columnsOf(s, "events"), "the table has the schema's columns, then date");
            assertNoNullWhereTheSchemaSaysNotNull(s, Schema.EVENTS);

            long total = count(s, "SELECT count(*) FROM events");
            assertEquals(manifest.get("event_rows").asLong(), total, "rows loaded vs manifest event_rows");
            TreeMap<String, Long> perDay = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT date, count(*) FROM events GROUP BY date ORDER BY date")) {
                while (rs.next()) {
                    perDay.put(rs.getString(1), rs.getLong(2));
                }
            }
            assertEquals(manifestPerDay, perDay, "rows per day (the Hive `date` column) vs the manifest's files");
            long readmeQueryTotal = 0;
            try (ResultSet rs = s.executeQuery(readmeQuery)) {
                while (rs.next()) {
                    readmeQueryTotal += rs.getLong(3);
                }
            }
            assertEquals(total, readmeQueryTotal, "the README's query counts every row");

            // The types really parsed: a start time on its folder's day, 15-digit identifiers, unique ids.
            assertEquals(0, count(s, "SELECT count(*) FROM events WHERE start_time IS NULL"
                    + " OR CAST(timezone('UTC', start_time) AS DATE) <> date"));
            assertEquals(0, count(s, "SELECT count(*) FROM events WHERE length(served_imsi) <> 15"
                    + " OR length(served_imei) <> 15 OR length(mcc) <> 3 OR length(mnc) NOT IN (2, 3)"));
            assertEquals(total, count(s, "SELECT count(DISTINCT record_id) FROM events"), "record_id is unique");
            assertTrue(count(s, "SELECT count(*) FROM events WHERE event_type = 'DATA' AND bytes_downlink > 0") > 0);

            // Joining to cells by the cells' key, (rat_type, tac, cell_id): cell_id alone repeats across RATs
            // (co-sited GERAN and UTRAN cells share a CI) and GERAN/UTRAN CIs repeat in other location areas.
            // Every event in the home network finds its cell.
            s.execute(createTable.get("cells"));
            assertEquals(count(s, "SELECT count(*) FROM cells"), count(s,
                    "SELECT count(*) FROM (SELECT DISTINCT " + String.join(", ", Schema.CELLS.primaryKey())
                            + " FROM cells)"), "the schema's key of cells is a key");
            assertEquals(0, count(s, "SELECT count(*) FROM events e WHERE NOT roaming AND NOT EXISTS (SELECT 1 FROM cells c"
                    + " WHERE c.rat_type = e.rat_type AND c.cell_id = e.cell_id AND c.tac = e.tac)"));

            // docs/schema.md's join of an event to the subscriber version valid on its day: one match per row,
            // and it is the version with the row's SIM and phone.
            s.execute(createTable.get("subscribers"));
            String join = historyJoin();
            assertEquals(total, count(s, "SELECT count(*) FROM (" + join + ")"), "docs/schema.md's join: " + join);
            assertEquals(total, count(s, "SELECT count(DISTINCT record_id) FROM (" + join + ")"), "one version per row");
            assertEquals(0, count(s, "SELECT count(*) FROM events e JOIN subscribers s ON s.served_msisdn = e.served_msisdn"
                    + " AND e.date >= s.valid_from AND (s.valid_to IS NULL OR e.date < s.valid_to)"
                    + " WHERE s.served_imsi <> e.served_imsi OR s.served_imei <> e.served_imei"));
        }
    }

    /** The SQL block of docs/schema.md's subscribers.csv section. */
    private static String historyJoin() {
        try {
            String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/schema.md"));
            int section = doc.indexOf("## subscribers.csv");
            int start = doc.indexOf("```sql\n", section) + "```sql\n".length();
            return doc.substring(start, doc.indexOf("```", start)).trim().replaceAll(";$", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void subscribersAndCellsLoadIntoTypedTables() throws SQLException {
        Map<String, Long> rows = manifestRows();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(createTable.get("subscribers"));
            assertEquals(schemaColumns(Schema.SUBSCRIBERS), columnsOf(s, "subscribers"));
            assertNoNullWhereTheSchemaSaysNotNull(s, Schema.SUBSCRIBERS);
            s.execute(createTable.get("cells"));
            assertEquals(schemaColumns(Schema.CELLS), columnsOf(s, "cells"));
            assertNoNullWhereTheSchemaSaysNotNull(s, Schema.CELLS);

            assertEquals(rows.get("subscribers.csv"), count(s, "SELECT count(*) FROM subscribers"));
            long lines = count(s, "SELECT count(DISTINCT subscriber_id) FROM subscribers");
            assertTrue(lines > 400 && lines <= 500, "lines with a holder in the drop's days: " + lines);
            assertEquals(rows.get("cells.csv"), count(s, "SELECT count(*) FROM cells"));
            assertEquals(0, count(s, "SELECT count(*) FROM subscribers WHERE home_cell_id NOT IN (SELECT cell_id FROM cells)"),
                    "every home cell is listed in cells.csv");
        }
    }

    /**
     * Compressed files of several blocks (each its own gzip member or zstd frame) read as one file: DuckDB
     * finds every row the manifest counts, and the same rows as the plain drop's.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gzip", "zstd"})
    void compressedFilesOfSeveralBlocksLoad(String codec) throws SQLException {
        Path compressed = tmp.resolve("drop-" + codec);
        Path plain = tmp.resolve("drop-" + codec + "-plain");
        // ~5 MB in one part: three 2 MiB blocks.
        Cli.generate(compressed, 2000, 1, "--compress", codec);
        Cli.generate(plain, 2000, 1);
        long manifestRows = Drops.manifest(compressed).get("event_rows").asLong();
        String suffix = codec.equals("gzip") ? ".gz" : ".zst";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String read = "read_csv('%s/events/*/*.csv" + suffix + "', header = true, all_varchar = true)";
            String readPlain = "read_csv('%s/events/*/*.csv', header = true, all_varchar = true)";
            String dir = compressed.toString().replace('\\', '/');
            String plainDir = plain.toString().replace('\\', '/');
            assertEquals(manifestRows, count(s, "SELECT count(*) FROM " + String.format(read, dir)));
            assertTrue(manifestRows > 20_000, "rows for several blocks: " + manifestRows);
            assertEquals(0, count(s, "SELECT count(*) FROM (SELECT * FROM " + String.format(read, dir)
                    + " EXCEPT ALL SELECT * FROM " + String.format(readPlain, plainDir) + ")"), "rows unlike the plain drop's");
        }
    }

    @Test
    void theHeaderRowsAreTheColumnsTheSqlNames() {
        for (String f : Drops.files(drop)) {
            if (f.endsWith(".csv")) {
                String header = new String(Drops.plain(drop.resolve(f))).lines().findFirst().orElseThrow();
                List<String> columns = f.startsWith("events/") ? EventSchema.COLUMNS
                        : f.startsWith("subscribers") ? EventSchema.SUBSCRIBER_COLUMNS : EventSchema.CELL_COLUMNS;
                assertEquals(String.join(",", columns), header, f);
            }
        }
    }
}
