package org.cdrgen.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cdrgen.schema.Column;
import org.cdrgen.schema.ColumnType;
import org.cdrgen.schema.Schema;
import org.cdrgen.schema.Table;

/**
 * Spark's schema of each table, from the one {@link Schema}: the same columns in the same order, each typed
 * (timestamps as TIMESTAMP in UTC, dates as DATE, identifiers made of digits as STRING), plus for events the
 * partition column {@value #DATE} that a drop writes as events/date=YYYY-MM-DD.
 */
public final class SparkSchemas {
    /** The events table's partition column: the local day a row's start_time falls on. */
    public static final String DATE = "date";

    private SparkSchemas() {
    }

    public static StructType of(SourceOptions.Kind kind) {
        return switch (kind) {
            case EVENTS -> struct(Schema.EVENTS, true);
            case SUBSCRIBERS -> struct(Schema.SUBSCRIBERS, false);
            case CELLS -> struct(Schema.CELLS, false);
        };
    }

    public static Table table(SourceOptions.Kind kind) {
        return switch (kind) {
            case EVENTS -> Schema.EVENTS;
            case SUBSCRIBERS -> Schema.SUBSCRIBERS;
            case CELLS -> Schema.CELLS;
        };
    }

    private static StructType struct(Table table, boolean withDate) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : table.columns()) {
            fields.add(new StructField(c.name(), type(c.type()), c.nullable(), Metadata.empty()).withComment(c.meaning()));
        }
        if (withDate) {
            fields.add(new StructField(DATE, DataTypes.DateType, false, Metadata.empty())
                    .withComment("partition: the day of start_time in the profile's time zone (events/date=YYYY-MM-DD)"));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    static DataType type(ColumnType type) {
        return switch (type) {
            case LONG -> DataTypes.LongType;
            case INT -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case DATE -> DataTypes.DateType;
            case TEXT -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
