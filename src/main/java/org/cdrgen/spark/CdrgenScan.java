package org.cdrgen.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.types.StructType;
import org.cdrgen.run.PlanEstimate;

/**
 * The chunks left after pushdown, one input partition each, in the CLI's order (day by day, subscriber
 * blocks ascending). Statistics are the --dry-run estimate, scaled to the chunks kept.
 */
final class CdrgenScan implements Scan, Batch, SupportsReportStatistics {
    private final SourceOptions options;
    private final StructType schema;
    private final int firstDay;
    private final int lastDay;
    private final int firstSubscriber;
    private final int endSubscriber;
    private double rowsPerSubscriberDay = -1;

    CdrgenScan(SourceOptions options, StructType schema, RangeFilters.Range days, RangeFilters.Range subscribers) {
        this.options = options;
        this.schema = schema;
        long start = options.startDate().toEpochDay();
        // Ranges are clamped to the run before any arithmetic: an open end is Long.MIN_VALUE or MAX_VALUE.
        long lo = Math.max(days.lo(), start);
        long hi = Math.min(days.hi(), start + options.days() - 1L);
        this.firstDay = (int) (lo - start);
        this.lastDay = (int) Math.max(hi - start, firstDay - 1L);
        this.firstSubscriber = (int) Math.max(options.firstSubscriber(), subscribers.lo());
        this.endSubscriber = (int) Math.max(firstSubscriber, Math.min(options.endSubscriber(),
                subscribers.hi() == Long.MAX_VALUE ? Long.MAX_VALUE : subscribers.hi() + 1L));
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "cdrgen %s: %d chunks (days %d..%d of %d, subscribers %d..%d, %d per chunk)",
                options.table().name().toLowerCase(Locale.ROOT), chunkCount(), firstDay, lastDay,
                options.days(), firstSubscriber, endSubscriber - 1, options.chunkSubscribers());
    }

    /** The number of input partitions, without listing them (a month of 100 million is 300,000). */
    long chunkCount() {
        if (options.table() == SourceOptions.Kind.CELLS) {
            return 1;
        }
        long blocks = Math.max(0, ((long) endSubscriber - firstSubscriber + options.chunkSubscribers() - 1)
                / options.chunkSubscribers());
        return options.table() == SourceOptions.Kind.SUBSCRIBERS ? blocks : blocks * Math.max(0, lastDay - firstDay + 1);
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        long start = options.startDate().toEpochDay();
        List<InputPartition> parts = new ArrayList<>();
        switch (options.table()) {
            case CELLS -> parts.add(new ChunkPartition(0, (int) start, 0, 0));
            // Subscriber rows come with a block's first day of the run, as the CLI writes them.
            case SUBSCRIBERS -> blocks(parts, 0, (int) start);
            case EVENTS -> {
                for (int day = firstDay; day <= lastDay; day++) {
                    blocks(parts, day, (int) (start + day));
                }
            }
        }
        return parts.toArray(new InputPartition[0]);
    }

    private void blocks(List<InputPartition> parts, int day, int epochDay) {
        int step = options.chunkSubscribers();
        for (long first = firstSubscriber; first < endSubscriber; first += step) {
            parts.add(new ChunkPartition(day, epochDay, (int) first, (int) Math.min(step, endSubscriber - first)));
        }
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new ChunkReaderFactory(options, schema);
    }

    @Override
    public Statistics estimateStatistics() {
        long subscribers = Math.max(0, endSubscriber - firstSubscriber);
        long rows;
        switch (options.table()) {
            case SUBSCRIBERS -> rows = subscribers;
            case EVENTS -> {
                long subscriberDays = subscribers * Math.max(0, lastDay - firstDay + 1);
                rows = Math.round(rowsPerSubscriberDay() * subscriberDays);
            }
            default -> {
                return unknown();
            }
        }
        long bytes = rows * Math.max(1, schema.defaultSize());
        return new Statistics() {
            @Override
            public OptionalLong sizeInBytes() {
                return OptionalLong.of(bytes);
            }

            @Override
            public OptionalLong numRows() {
                return OptionalLong.of(rows);
            }
        };
    }

    /** The --dry-run sample (500 subscribers of day 1), once per scan: Spark may ask for statistics often. */
    private double rowsPerSubscriberDay() {
        if (rowsPerSubscriberDay < 0) {
            rowsPerSubscriberDay = PlanEstimate.of(Generators.of(options).settings()).rowsPerSubscriberDay();
        }
        return rowsPerSubscriberDay;
    }

    private static Statistics unknown() {
        return new Statistics() {
            @Override
            public OptionalLong sizeInBytes() {
                return OptionalLong.empty();
            }

            @Override
            public OptionalLong numRows() {
                return OptionalLong.empty();
            }
        };
    }
}
