package org.cdrgen.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.StructType;

/**
 * Takes what is cheap and exact to push down: a filter on the events' {@code date} or the subscribers'
 * {@code subscriber_id} narrows the chunks to generate, and the columns Spark needs narrow what is converted.
 * Every filter is still handed back for Spark to apply to the rows: pruning only skips chunks that cannot
 * hold a matching row, so the answer never depends on it.
 */
final class CdrgenScanBuilder implements ScanBuilder, SupportsPushDownV2Filters, SupportsPushDownRequiredColumns {
    private final SourceOptions options;
    private StructType required;
    private Predicate[] pushed = new Predicate[0];
    private RangeFilters.Range days = RangeFilters.ALL;
    private RangeFilters.Range subscribers = RangeFilters.ALL;

    CdrgenScanBuilder(SourceOptions options) {
        this.options = options;
        this.required = SparkSchemas.of(options.table());
    }

    @Override
    public Predicate[] pushPredicates(Predicate[] filters) {
        String column = switch (options.table()) {
            case EVENTS -> SparkSchemas.DATE;
            case SUBSCRIBERS -> "subscriber_id";
            case CELLS -> null;
        };
        List<Predicate> used = new ArrayList<>();
        RangeFilters.Range range = RangeFilters.ALL;
        if (column != null) {
            for (Predicate f : filters) {
                RangeFilters.Range r = RangeFilters.range(f, column);
                if (r != null) {
                    range = range.intersect(r);
                    used.add(f);
                }
            }
        }
        if (options.table() == SourceOptions.Kind.EVENTS) {
            days = range;
        } else {
            subscribers = range;
        }
        pushed = used.toArray(new Predicate[0]);
        return filters;
    }

    @Override
    public Predicate[] pushedPredicates() {
        return pushed;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return new CdrgenScan(options, required, days, subscribers);
    }
}
