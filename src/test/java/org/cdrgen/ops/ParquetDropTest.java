package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cdrgen.schema.Column;
import org.cdrgen.schema.Ddl;
import org.cdrgen.schema.Schema;
import org.cdrgen.schema.Table;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --format parquet, read by an independent reader (DuckDB): typed columns of the one schema, the same rows as
 * the CSV drop of the same run, rotation at --max-file-size, every file in the manifest and checked by verify.
 */
class ParquetDropTest {
    @TempDir
    static Path tmp;
    static Path csv;
    static Path parquet;

    @BeforeAll
    static void generate() {
        csv = tmp.resolve("csv");
        parquet = tmp.resolve("parquet");
        Cli.generate(csv, 500, 2);
        Cli.generate(parquet, 500, 2, "--format", "parquet", "--max-file-size", "256KiB");
    }

    private static String path(Path p) {
        return p.toString().replace('\\', '/').replace("'", "''");
    }

    @Test
    void duckDbReadsTheSchemasTypesAndTheCsvDropsRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("CREATE VIEW pq AS SELECT * FROM read_parquet('" + path(parquet)
                    + "/events/*/*.parquet', hive_partitioning = true, hive_types = {'date': DATE})");
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE pq")) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (Column col : Schema.EVENTS.columns()) {
                expected.put(col.name(), Ddl.duckDbType(col.type()).replace("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"));
            }
            expected.put("date", "DATE");
            assertEquals(expected, types, "Parquet's column types, as DuckDB reads them");
            for (Table table : List.of(Schema.SUBSCRIBERS, Schema.CELLS)) {
                try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM '" + path(parquet) + "/" + table.name()
                        + ".parquet'")) {
                    for (Column col : table.columns()) {
                        assertTrue(rs.next());
                        assertEquals(col.name(), rs.getString("column_name"));
                        assertEquals(Ddl.duckDbType(col.type()), rs.getString("column_type"), col.name());
                    }
                }
            }
            s.execute("CREATE VIEW csv AS SELECT * FROM read_csv('" + path(csv) + "/events/*/*.csv', header = true,"
                    + " hive_partitioning = true, hive_types = {'date': DATE}, columns = "
                    + Ddl.duckDbColumns(Schema.EVENTS) + ")");
            long rows = count(s, "SELECT count(*) FROM csv");
            assertTrue(rows > 5_000, "rows: " + rows);
            assertEquals(rows, count(s, "SELECT count(*) FROM pq"));
            assertEquals(0, count(s, "SELECT count(*) FROM (SELECT * FROM pq EXCEPT ALL SELECT * FROM csv)"));
            assertEquals(0, count(s, "SELECT count(*) FROM (SELECT * FROM csv EXCEPT ALL SELECT * FROM pq)"));
            assertTrue(count(s, "SELECT count(*) FROM pq WHERE mnc LIKE '0%' OR served_imsi LIKE '%0'") > 0,
                    "identifiers are text: leading zeros stay");
            for (Table table : List.of(Schema.SUBSCRIBERS, Schema.CELLS)) {
                String fromCsv = "read_csv('" + path(csv) + "/" + table.name() + ".csv', header = true, columns = "
                        + Ddl.duckDbColumns(table) + ")";
                String fromParquet = "'" + path(parquet) + "/" + table.name() + ".parquet'";
                assertEquals(count(s, "SELECT count(*) FROM " + fromCsv), count(s, "SELECT count(*) FROM " + fromParquet));
                assertEquals(0, count(s, "SELECT count(*) FROM (SELECT * FROM " + fromParquet + " EXCEPT ALL SELECT * FROM "
                        + fromCsv + ")"), table.name());
            }
        }
    }

    @Test
    void partsRotateAtTheSizeLimitAndTheManifestListsThemForVerify() throws Exception {
        TreeMap<String, List<Path>> days = Drops.eventFilesByDay(parquet);
        assertEquals(List.of("2026-03-02", "2026-03-03"), List.copyOf(days.keySet()));
        for (List<Path> parts : days.values()) {
            assertTrue(parts.size() >= 2, "rotated: " + parts);
            for (Path part : parts) {
                assertTrue(part.getFileName().toString().matches("part-\\d{5}\\.parquet"), part.toString());
                assertTrue(Files.size(part) <= 256 << 10, part + ": " + Files.size(part));
            }
        }
        var manifest = Drops.manifest(parquet);
        assertEquals("parquet-snappy", manifest.get("compression").asText());
        long listed = 0;
        for (var file : manifest.get("files")) {
            Path p = parquet.resolve(file.get("path").asText());
            assertEquals(Files.size(p), file.get("bytes").asLong());
            assertEquals(Drops.sha256(Files.readAllBytes(p)), file.get("sha256").asText());
            listed++;
        }
        assertEquals(days.values().stream().mapToLong(List::size).sum() + 2, listed, "parts, subscribers, cells");
        assertEquals(0, Cli.run("verify", parquet.toString()).exit());
        Cli.Result stats = Cli.run("stats", parquet.toString());
        assertEquals(2, stats.exit());
        assertTrue(stats.err().contains("is a Parquet drop (--format parquet): stats reads CSV drops"), stats.err());
        // A damaged file is found: same size, one byte changed inside the data.
        Path victim = days.firstEntry().getValue().get(0);
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 1;
        Files.write(victim, bytes);
        Cli.Result bad = Cli.run("verify", parquet.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains(Drops.relative(parquet, victim)), bad.err());
    }

    @Test
    void zstdAndNoCodecAndBadCombinations() {
        Path zstd = tmp.resolve("zstd");
        Cli.generate(zstd, 100, 1, "--format", "parquet", "--compress", "zstd");
        assertEquals("parquet-zstd", Drops.manifest(zstd).get("compression").asText());
        assertEquals(0, Cli.run("verify", zstd.toString()).exit());
        Cli.Result gzip = Cli.run("--subscribers", "10", "--output-dir", tmp.resolve("x").toString(), "--format",
                "parquet", "--compress", "gzip");
        assertEquals(2, gzip.exit());
        assertTrue(gzip.errLines().get(0).startsWith("cdrgen: Invalid value for option '--compress': 'gzip' is not one"
                + " of none, snappy, zstd (with --format parquet)"), gzip.err());
        Cli.Result snappyCsv = Cli.run("--subscribers", "10", "--output-dir", tmp.resolve("y").toString(),
                "--compress", "snappy");
        assertEquals(2, snappyCsv.exit());
        Cli.Result avro = Cli.run("--subscribers", "10", "--output-dir", tmp.resolve("z").toString(), "--format", "avro");
        assertEquals(2, avro.exit());
        assertTrue(avro.err().contains("'avro' is not one of csv, parquet"), avro.err());
        assertTrue(Files.notExists(tmp.resolve("x")) && Files.notExists(tmp.resolve("z")), "nothing written");
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
