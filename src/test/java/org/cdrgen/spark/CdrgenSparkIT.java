package org.cdrgen.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * format("cdrgen") in Spark local[2], against the CLI's drop of the same options: one SparkSession for all
 * tests (starting Spark is most of the cost).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CdrgenSparkIT {
    private static final int SUBSCRIBERS = 2000;
    private static final String START = "2026-03-01";

    private Path tmp;
    private SparkSession spark;
    private Path drop;

    @BeforeAll
    void start(@TempDir Path dir) {
        tmp = dir;
        // Spark's INFO lines would bury the build's output.
        for (String name : List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject", "org.apache.parquet",
                "org.apache.orc")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        spark = SparkSession.builder().master("local[2]").appName("cdrgen-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        drop = tmp.resolve("cli");
        Cli.ok("--subscribers", Integer.toString(SUBSCRIBERS), "--days", "2", "--seed", "42", "--start-date", START,
                "--output-dir", drop.toString(), "-q");
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private Dataset<Row> cdrgen(String... extra) {
        var reader = spark.read().format("cdrgen").option("subscribers", SUBSCRIBERS).option("days", 2)
                .option("seed", 42).option("start_date", START).option("chunk_subscribers", 500);
        for (int i = 0; i < extra.length; i += 2) {
            reader = reader.option(extra[i], extra[i + 1]);
        }
        return reader.load();
    }

    /** The CLI's CSV files read with the data source's own schema, so both sides are typed alike. */
    private Dataset<Row> cliTable(String path, StructType schema) {
        return spark.read().schema(schema).option("header", "true").option("mode", "FAILFAST")
                .csv(drop.resolve(path).toString());
    }

    @Test
    void sameRowsAsTheCliDrop() {
        Dataset<Row> fromSpark = cdrgen();
        Dataset<Row> fromCli = cliTable("events", SparkSchemas.of(SourceOptions.Kind.EVENTS));
        assertEquals(8, fromSpark.rdd().getNumPartitions(), "one task per chunk: 4 blocks of 500 x 2 days");
        long rows = fromCli.count();
        assertTrue(rows > 20 * SUBSCRIBERS, "the drop has rows: " + rows);
        assertEquals(rows, fromSpark.count());
        assertEquals(0, fromSpark.exceptAll(fromCli).count(), "rows only Spark has");
        assertEquals(0, fromCli.exceptAll(fromSpark).count(), "rows only the CLI has");
        // The row estimate reaches Spark's optimizer: the --dry-run sample, within a few per cent here.
        scala.Option<scala.math.BigInt> estimate = fromSpark.queryExecution().optimizedPlan().stats().rowCount();
        assertTrue(estimate.isDefined(), "a row count estimate");
        double ratio = estimate.get().doubleValue() / rows;
        assertTrue(ratio > 0.8 && ratio < 1.25, "estimate " + estimate.get() + " for " + rows + " rows");
    }

    @Test
    void subscribersAndCellsAreTheCliDimensionFiles() {
        for (SourceOptions.Kind kind : List.of(SourceOptions.Kind.SUBSCRIBERS, SourceOptions.Kind.CELLS)) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            Dataset<Row> fromSpark = cdrgen("table", name);
            Dataset<Row> fromCli = cliTable(name + ".csv", SparkSchemas.of(kind));
            assertEquals(fromCli.count(), fromSpark.count(), name);
            assertEquals(0, fromSpark.exceptAll(fromCli).count(), name + " rows only Spark has");
        }
    }

    @Test
    void aOneDayFilterGeneratesOnlyThatDaysChunks() {
        Dataset<Row> day = cdrgen().filter("date = DATE'2026-03-02'");
        assertEquals(4, day.rdd().getNumPartitions(), "the 4 chunks of the second day");
        long cliRows = Drops.eventFilesByDay(drop).get("2026-03-02").stream().mapToLong(p -> Drops.rows(p).size()).sum();
        assertEquals(cliRows, day.count());
        assertEquals(4, cdrgen().filter("date > DATE'2026-03-01'").rdd().getNumPartitions());
        assertEquals(8, cdrgen().filter("date IN (DATE'2026-03-01', DATE'2026-03-02')").rdd().getNumPartitions());
        assertEquals(8, cdrgen().filter("date = DATE'2026-03-02' OR event_type = 'SMS'").rdd().getNumPartitions(),
                "a disjunction with another column prunes nothing");
        Dataset<Row> before = cdrgen().filter("date < DATE'2026-03-01'");
        assertEquals(0, before.rdd().getNumPartitions());
        assertEquals(0, before.count());
        Dataset<Row> someSubscribers = cdrgen("table", "subscribers").filter(col("subscriber_id").lt(700));
        assertEquals(2, someSubscribers.rdd().getNumPartitions(), "blocks 0..499 and 500..999");
        // subscribers is the history: the versions of lines 0..699 valid in the run's days, as the CLI wrote them.
        assertEquals(cliTable("subscribers.csv", SparkSchemas.of(SourceOptions.Kind.SUBSCRIBERS))
                .filter(col("subscriber_id").lt(700)).count(), someSubscribers.count());
    }

    @Test
    void pruningColumnsChangesNoValue() {
        Dataset<Row> all = cdrgen().select("record_id", "served_imsi", "start_time", "bytes_uplink");
        Dataset<Row> pruned = cdrgen().select("record_id", "served_imsi", "start_time", "bytes_uplink");
        Dataset<Row> fromCli = cliTable("events", SparkSchemas.of(SourceOptions.Kind.EVENTS))
                .select("record_id", "served_imsi", "start_time", "bytes_uplink");
        assertEquals(0, pruned.exceptAll(fromCli).count());
        assertEquals(all.count(), pruned.count());
        StructType types = cdrgen().schema();
        assertEquals(DataTypes.TimestampType, types.apply("start_time").dataType());
        assertEquals(DataTypes.StringType, types.apply("served_imsi").dataType());
        assertEquals(DataTypes.LongType, types.apply("record_id").dataType());
        assertEquals(DataTypes.DateType, types.apply("date").dataType());
    }

    @Test
    void sqlTemporaryViewAndProfileByName() {
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW cdr USING cdrgen OPTIONS (subscribers '2000', days '2', seed '42',"
                + " start_date '" + START + "')");
        long cliRows = cliTable("events", SparkSchemas.of(SourceOptions.Kind.EVENTS)).count();
        assertEquals(cliRows, spark.sql("SELECT count(*) FROM cdr").first().getLong(0));
        long voiceMo = spark.sql("SELECT count(*) FROM cdr WHERE event_type = 'VOICE' AND direction = 'MO'")
                .first().getLong(0);
        assertTrue(voiceMo > 0 && voiceMo < cliRows);
        // Another profile gives other rows (the profile travels with the plan to the tasks).
        long sms2010 = cdrgen("profile", "sms-era-2010").filter(col("event_type").equalTo("SMS")).count();
        long smsDefault = cdrgen().filter(col("event_type").equalTo("SMS")).count();
        assertTrue(sms2010 != smsDefault, sms2010 + " vs " + smsDefault);
    }

    @Test
    void profileYamlTravelsWithThePlan() throws Exception {
        Path yaml = tmp.resolve("p.yaml");
        Files.writeString(yaml, "voice:\n  duration_sigma: 0.5\n");
        Path other = tmp.resolve("cli-yaml");
        Cli.ok("--subscribers", "600", "--seed", "7", "--start-date", START, "--config", yaml.toString(),
                "--output-dir", other.toString(), "-q");
        Dataset<Row> fromCli = spark.read().schema(SparkSchemas.of(SourceOptions.Kind.EVENTS)).option("header", "true")
                .csv(other.resolve("events").toString());
        for (String option : List.of("config", "profile_yaml")) {
            Dataset<Row> fromSpark = spark.read().format("cdrgen").options(Map.of("subscribers", "600", "seed", "7",
                    "start-date", START, "chunk_subscribers", "200",
                    option, option.equals("config") ? yaml.toString() : Files.readString(yaml))).load();
            assertEquals(fromCli.count(), fromSpark.count(), option);
            assertEquals(0, fromSpark.exceptAll(fromCli).count(), option);
        }
    }

    @Test
    void badOptionsAreTheCliMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().format("cdrgen").option("subscribers", "0").option("seed", 1).load());
        assertEquals("cdrgen: Invalid value for option 'subscribers': 0 is out of range 1..100000000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> cdrgen("shard", "5/4").count());
        assertTrue(e.getMessage().startsWith("cdrgen: Invalid value for option 'shard': '5/4' must be I/N"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cdrgen("colour", "red").count());
        assertTrue(e.getMessage().startsWith("cdrgen: Unknown option: 'colour'"), e.getMessage());
        Exception config = assertThrows(Exception.class, () -> cdrgen("profile_yaml", "voice:\n  duration_sigma: 9\n").count());
        assertTrue(config.getMessage().contains("'voice.duration_sigma' = 9 is out of range"), config.getMessage());
    }

    @Test
    void theJobWritesTypedParquetPartitionedByDate() {
        Path out = tmp.resolve("job");
        CdrgenSparkJob.Job.parse(new String[] {"--subscribers", "2000", "--days", "2", "--seed", "42", "--start-date",
                START, "--output", out.toUri().toString(), "--format", "parquet"}).run(spark);
        assertTrue(Files.isDirectory(out.resolve("events/date=2026-03-01")));
        assertTrue(Files.isDirectory(out.resolve("events/date=2026-03-02")));
        Dataset<Row> events = spark.read().parquet(out.resolve("events").toString());
        StructType schema = events.schema();
        assertEquals(DataTypes.TimestampType, schema.apply("start_time").dataType());
        assertEquals(DataTypes.StringType, schema.apply("mnc").dataType());
        assertEquals(DataTypes.BooleanType, schema.apply("roaming").dataType());
        assertEquals(DataTypes.IntegerType, schema.apply("duration_s").dataType());
        Dataset<Row> fromCli = cliTable("events", SparkSchemas.of(SourceOptions.Kind.EVENTS));
        assertEquals(fromCli.count(), events.count());
        assertEquals(0, events.selectExpr(fromCli.columns()).exceptAll(fromCli).count());
        assertEquals(cliTable("subscribers.csv", SparkSchemas.of(SourceOptions.Kind.SUBSCRIBERS)).count(),
                spark.read().parquet(out.resolve("subscribers").toString()).count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CdrgenSparkJob.Job.parse(
                new String[] {"--subscribers", "10", "--output", "x", "--format", "avro"}));
        assertEquals("cdrgen: Invalid value for option '--format': 'avro' is not one of parquet, csv, orc, noop", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CdrgenSparkJob.Job.parse(
                new String[] {"--subscribers", "10", "--output", "x", "--tables", "events,calls"}));
        assertTrue(e.getMessage().startsWith("cdrgen: Invalid value for option '--tables': 'events,calls'"), e.getMessage());
        assertEquals(List.of("events"), CdrgenSparkJob.Job.parse(
                new String[] {"--subscribers", "10", "--seed", "1", "--format", "noop", "--tables", "events"}).tables());
    }

    /**
     * spark-submit with the built target/cdrgen-spark.jar on a plain Spark class path (Spark and its own
     * dependencies; none of cdrgen's classes or libraries, no Logback): proves the jar carries what it needs.
     */
    @Test
    void sparkSubmitRunsTheJobFromTheSparkJar() throws Exception {
        String jar = System.getProperty("cdrgen.spark.jar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "needs the packaged jar: runs in mvn verify (failsafe)");
        List<String> sparkClassPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar") && NOT_SPARK.stream().noneMatch(entry::contains)) {
                sparkClassPath.add(entry);
            }
        }
        Path out = tmp.resolve("submitted");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, sparkClassPath),
                "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.driver.host=127.0.0.1",
                "--class", "org.cdrgen.spark.CdrgenSparkJob", jar,
                "--subscribers", "2000", "--days", "2", "--seed", "42", "--start-date", START,
                "--output", out.toUri().toString(), "--format", "csv");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("submit.log").toFile())
                .start();
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "spark-submit within 5 minutes");
        assertEquals(0, p.exitValue(), () -> "spark-submit failed: " + tail(tmp.resolve("submit.log")));
        StructType schema = SparkSchemas.of(SourceOptions.Kind.EVENTS);
        Dataset<Row> written = spark.read().schema(schema).option("header", "true").option("mode", "FAILFAST")
                .csv(out.resolve("events").toString());
        Dataset<Row> fromCli = cliTable("events", schema);
        assertEquals(fromCli.count(), written.count());
        assertEquals(0, written.exceptAll(fromCli).count(), "rows of the job that the CLI did not write");
        Dataset<Row> subscribers = spark.read().schema(SparkSchemas.of(SourceOptions.Kind.SUBSCRIBERS))
                .option("header", "true").csv(out.resolve("subscribers").toString());
        assertEquals(0, subscribers.exceptAll(cliTable("subscribers.csv", SparkSchemas.of(SourceOptions.Kind.SUBSCRIBERS)))
                .count());
        assertEquals(cliTable("subscribers.csv", SparkSchemas.of(SourceOptions.Kind.SUBSCRIBERS)).count(),
                subscribers.count());
    }

    /** What a Spark user adds carries nothing Spark brings or forbids; the CLI jar carries no Spark code. */
    @Test
    void theSparkJarHoldsNoClashingLibraries() throws Exception {
        String jar = System.getProperty("cdrgen.spark.jar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "needs the packaged jar: runs in mvn verify (failsafe)");
        List<String> clashing = new ArrayList<>();
        boolean registered = false;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar)) {
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                registered |= name.equals("META-INF/services/org.apache.spark.sql.sources.DataSourceRegister");
                String path = name.replaceFirst("^META-INF/versions/\\d+/", "");
                if (!path.endsWith("/") && !path.startsWith("org/cdrgen/") && !path.startsWith("META-INF/")
                        && !path.startsWith("cdrgen/") && !path.equals("cdrgen-version.properties")
                        || path.startsWith("org/cdrgen/cli/") || path.contains("org.slf4j.spi")
                        || path.contains("logback")) {
                    clashing.add(name);
                }
            }
        }
        assertEquals(List.of(), clashing.subList(0, Math.min(20, clashing.size())),
                "only cdrgen's classes, its libraries relocated under org/cdrgen/shaded");
        assertTrue(registered, "format(\"cdrgen\") is registered");
        try (java.util.zip.ZipFile cli = new java.util.zip.ZipFile(System.getProperty("cdrgen.jar"))) {
            assertEquals(List.of(), cli.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("org/cdrgen/spark/") || n.contains("DataSourceRegister")).toList());
        }
    }

    /** Class path entries that are cdrgen's own libraries or the test's, not Spark's. */
    private static final List<String> NOT_SPARK = List.of("/target/", "/info/picocli/", "/org/apache/commons/commons-rng",
            "/org/apache/commons/commons-csv/", "/org/yaml/snakeyaml/", "/me/tongfei/", "/org/jline/", "/ch/qos/logback/",
            "/org/junit/", "/org/opentest4j/", "/org/apiguardian/", "/com/google/jimfs/", "/org/duckdb/",
            "/org/apache/maven/", "surefire", "failsafe");

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
