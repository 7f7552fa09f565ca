package org.cdrgen.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The spark-submit entry point: the CLI's generation options plus {@code --output URI} (any Hadoop file
 * system) and {@code --format parquet|csv|orc}, written by Spark's own writers as
 * URI/events/date=YYYY-MM-DD/, URI/subscribers/ and URI/cells/ ({@code --tables} names fewer; {@code --format
 * noop}: generate, write nothing, to measure).
 *
 * <pre>
 * spark-submit --class org.cdrgen.spark.CdrgenSparkJob target/cdrgen-spark.jar \
 *     --subscribers 100000000 --days 30 --start-date 2026-03-01 --seed 42 --output s3a://bucket/cdr --format parquet
 * </pre>
 */
public final class CdrgenSparkJob {
    /** CLI options taken, as data source options (the rest of the CLI's are about its own files). */
    private static final List<String> PASSED = List.of("--subscribers", "--days", "--start-date", "--seed", "--shard",
            "--config", "--profile", "--chunk-subscribers");
    /** noop is Spark's own writer that writes nothing: for measuring what generation costs. */
    private static final List<String> FORMATS = List.of("parquet", "csv", "orc", "noop");
    private static final List<String> TABLES = List.of("events", "subscribers", "cells");

    private CdrgenSparkJob() {
    }

    public static void main(String[] args) {
        Job job;
        try {
            job = Job.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("cdrgen").getOrCreate();
        try {
            job.run(spark);
        } finally {
            spark.stop();
        }
    }

    /** Parsed arguments; {@link #run} writes the three tables. */
    record Job(Map<String, String> options, String output, String format, List<String> tables) {
        static Job parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            String output = null;
            String format = "parquet";
            List<String> tables = TABLES;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value;
                int eq = name.indexOf('=');
                if (name.startsWith("--") && eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("cdrgen: Missing value for option '" + name + "'");
                }
                if (name.equals("--output")) {
                    output = value;
                } else if (name.equals("--format")) {
                    format = value.toLowerCase(Locale.ROOT);
                    if (!FORMATS.contains(format)) {
                        throw new IllegalArgumentException("cdrgen: Invalid value for option '--format': '" + value
                                + "' is not one of parquet, csv, orc, noop");
                    }
                } else if (name.equals("--tables")) {
                    tables = List.of(value.toLowerCase(Locale.ROOT).split(",", -1));
                    if (tables.isEmpty() || !TABLES.containsAll(tables)) {
                        throw new IllegalArgumentException("cdrgen: Invalid value for option '--tables': '" + value
                                + "' must list some of events, subscribers, cells, separated by commas");
                    }
                } else if (PASSED.contains(name)) {
                    options.put(name.substring(2), value);
                } else {
                    throw new IllegalArgumentException("cdrgen: Unknown option: '" + name + "' (allowed: "
                            + String.join(", ", PASSED) + ", --output, --format, --tables)");
                }
            }
            if (output == null && format.equals("noop")) {
                output = "noop";
            }
            if (output == null) {
                throw new IllegalArgumentException("cdrgen: Missing required option: '--output=URI'");
            }
            SourceOptions.parse(options); // every option checked before Spark starts anything
            return new Job(options, output.endsWith("/") ? output.substring(0, output.length() - 1) : output, format,
                    tables);
        }

        void run(SparkSession spark) {
            // Parquet and ORC keep TIMESTAMP as UTC microseconds; CSV writes them as the CLI does, in UTC.
            spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
            spark.conf().set("spark.sql.session.timeZone", "UTC");
            // A seed or start date left out is drawn once, so the three tables are of the same run.
            SourceOptions fixed = SourceOptions.parse(options);
            Map<String, String> pinned = new LinkedHashMap<>(options);
            pinned.put("seed", Long.toString(fixed.seed()));
            pinned.put("start-date", fixed.startDate().toString());
            if (tables.contains("events")) {
                DataFrameWriter<Row> events = read(spark, pinned, "events").write();
                // noop takes no partitioning; every other format writes events/date=YYYY-MM-DD/ as the CLI does.
                write(format.equals("noop") ? events : events.partitionBy(SparkSchemas.DATE), "events");
            }
            // The subscribers' rows come with their first day's chunks: that day is generated a second time.
            for (String table : List.of("subscribers", "cells")) {
                if (tables.contains(table)) {
                    write(read(spark, pinned, table).write(), table);
                }
            }
        }

        private Dataset<Row> read(SparkSession spark, Map<String, String> pinned, String table) {
            return spark.read().format("cdrgen").options(pinned).option("table", table).load();
        }

        private void write(DataFrameWriter<Row> writer, String table) {
            writer = writer.format(format).mode(format.equals("noop") ? "overwrite" : "errorifexists");
            if (format.equals("csv")) {
                writer = writer.option("header", "true").option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
            }
            writer.save(output + "/" + table);
        }
    }
}
