package org.cdrgen.spark;

import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cdrgen.output.TypedField;

/**
 * Writes a generated row straight into Spark's binary row (no CSV, no {@code Row} objects, no boxing): text
 * as UTF-8 bytes, timestamps as microseconds, dates as epoch days. Only the columns Spark asked for are
 * written; the generator ran in full before, so pruning never changes what is drawn.
 *
 * @param <R> the generated row type
 */
final class RowConverter<R> {
    private final TypedField<R>[] fields;
    private final UnsafeRowWriter writer;

    /** {@code requested} names columns of {@code all}; a name not among them is the events' date column. */
    @SuppressWarnings("unchecked")
    RowConverter(List<TypedField<R>> all, StructType requested) {
        StructField[] columns = requested.fields();
        fields = new TypedField[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String name = columns[i].name();
            TypedField<R> found = null;
            for (TypedField<R> f : all) {
                if (f.column().name().equals(name)) {
                    found = f;
                }
            }
            if (found == null && !name.equals(SparkSchemas.DATE)) {
                throw new IllegalArgumentException("cdrgen has no column '" + name + "'");
            }
            fields[i] = found;
        }
        writer = new UnsafeRowWriter(columns.length);
    }

    /** A row of its own (Spark may keep it), for {@code row} on the day {@code epochDay}. */
    InternalRow convert(R row, int epochDay) {
        UnsafeRowWriter w = writer;
        w.reset();
        w.zeroOutNullBytes();
        for (int i = 0; i < fields.length; i++) {
            TypedField<R> f = fields[i];
            if (f == null) {
                w.write(i, epochDay);
            } else if (f.isNull(row)) {
                w.setNullAt(i);
            } else {
                switch (f.column().type()) {
                    case LONG -> w.write(i, f.asLong(row));
                    case INT, DATE -> w.write(i, (int) f.asLong(row));
                    case TIMESTAMP -> w.write(i, f.asLong(row) * 1000L);
                    case BOOLEAN -> w.write(i, f.asBoolean(row));
                    case DOUBLE -> w.write(i, f.asDouble(row));
                    case TEXT -> w.write(i, f.asText(row));
                }
            }
        }
        return w.getRow().copy();
    }
}
