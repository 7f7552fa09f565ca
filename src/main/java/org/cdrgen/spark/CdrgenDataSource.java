package org.cdrgen.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("cdrgen")} (and {@code CREATE TEMPORARY VIEW ... USING cdrgen}): generated rows
 * as a typed DataFrame, the same multiset of rows the CLI writes for the same options. Registered through
 * META-INF/services; nothing outside this package refers to it.
 */
public final class CdrgenDataSource implements TableProvider, DataSourceRegister {
    @Override
    public String shortName() {
        return "cdrgen";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        // Only the schema: getTable, called next, checks the options and draws a missing seed, once.
        return SparkSchemas.of(SourceOptions.tableOf(options));
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new CdrgenTable(SourceOptions.parse(properties));
    }
}
