package org.cdrgen.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** One table of a generated drop (events, subscribers or cells), read in batch. */
final class CdrgenTable implements SupportsRead {
    private final SourceOptions options;

    CdrgenTable(SourceOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "cdrgen." + options.table().name().toLowerCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("deprecation")
    @Override
    public StructType schema() {
        return SparkSchemas.of(options.table());
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        // The options were read once, in getTable: the plan carries the seed drawn there, if any.
        return new CdrgenScanBuilder(options);
    }
}
