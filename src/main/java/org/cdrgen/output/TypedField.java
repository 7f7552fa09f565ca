package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.cdrgen.schema.Column;
import org.cdrgen.schema.ColumnType;
import org.cdrgen.schema.Table;

/**
 * One column of a table read from a generated row as a typed value, for the writers that keep types (Parquet,
 * a Spark {@code InternalRow}) instead of text. The value is empty exactly where the CSV formatter writes an
 * empty field, so a typed file and a CSV file of the same rows hold the same values.
 *
 * <p>Values by {@link ColumnType}: LONG and INT {@link #asLong}; TIMESTAMP {@link #asLong} in epoch
 * milliseconds (UTC); DATE {@link #asLong} in epoch days; BOOLEAN {@link #asBoolean}; DOUBLE
 * {@link #asDouble}; TEXT {@link #asText} as UTF-8 (ASCII here) bytes, which the caller must not change.
 *
 * @param <R> the mutable row type (EventRow, SubscriberRow, CellRow)
 */
public final class TypedField<R> {
    private static final Predicate<Object> ALWAYS = r -> true;

    private final Column column;
    private final Predicate<R> present;
    private final ToLongFunction<R> asLong;
    private final Predicate<R> asBoolean;
    private final ToDoubleFunction<R> asDouble;
    private final Function<R, byte[]> asText;

    private TypedField(Column column, Predicate<R> present, ToLongFunction<R> asLong, Predicate<R> asBoolean,
            ToDoubleFunction<R> asDouble, Function<R, byte[]> asText) {
        this.column = column;
        this.present = present;
        this.asLong = asLong;
        this.asBoolean = asBoolean;
        this.asDouble = asDouble;
        this.asText = asText;
    }

    public Column column() {
        return column;
    }

    public boolean isNull(R row) {
        return !present.test(row);
    }

    public long asLong(R row) {
        return asLong.applyAsLong(row);
    }

    public boolean asBoolean(R row) {
        return asBoolean.test(row);
    }

    public double asDouble(R row) {
        return asDouble.applyAsDouble(row);
    }

    public byte[] asText(R row) {
        return asText.apply(row);
    }

    /** The field list of a table, checked against the schema: same names, types and nullability, in order. */
    static <R> List<TypedField<R>> forTable(Table table, List<Builder<R>> builders) {
        List<Column> columns = table.columns();
        if (columns.size() != builders.size()) {
            throw new IllegalStateException(table.name() + ": the schema has " + columns.size() + " columns, the"
                    + " typed fields " + builders.size() + ": add the new column's field beside the CSV formatter's");
        }
        TypedField<?>[] out = new TypedField<?>[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Builder<R> b = builders.get(i);
            if (!c.name().equals(b.name) || c.type() != b.type) {
                throw new IllegalStateException(table.name() + " column " + i + " is " + c.name() + " " + c.type()
                        + " in the schema but " + b.name + " " + b.type + " in the typed fields");
            }
            if (!c.nullable() && b.present != ALWAYS) {
                throw new IllegalStateException(table.name() + "." + c.name() + " is required but may be empty");
            }
            out[i] = b.build(c);
        }
        @SuppressWarnings("unchecked")
        List<TypedField<R>> list = (List<TypedField<R>>) (List<?>) List.of(out);
        return list;
    }

    /** Names a column's type and how to read it; {@link #forTable} pairs it with the schema's column. */
    static final class Builder<R> {
        final String name;
        final ColumnType type;
        Predicate<R> present = alwaysPresent();
        ToLongFunction<R> asLong = r -> {
            throw new UnsupportedOperationException();
        };
        Predicate<R> asBoolean = r -> {
            throw new UnsupportedOperationException();
        };
        ToDoubleFunction<R> asDouble = r -> {
            throw new UnsupportedOperationException();
        };
        Function<R, byte[]> asText = r -> {
            throw new UnsupportedOperationException();
        };

        private Builder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        @SuppressWarnings("unchecked")
        private static <R> Predicate<R> alwaysPresent() {
            return (Predicate<R>) ALWAYS;
        }

        /** Present only on rows where {@code when} holds (an optional column). */
        Builder<R> when(Predicate<R> when) {
            this.present = when;
            return this;
        }

        private TypedField<R> build(Column column) {
            return new TypedField<>(column, present, asLong, asBoolean, asDouble, asText);
        }
    }

    static <R> Builder<R> longField(String name, ToLongFunction<R> value) {
        Builder<R> b = new Builder<>(name, ColumnType.LONG);
        b.asLong = value;
        return b;
    }

    static <R> Builder<R> intField(String name, ToLongFunction<R> value) {
        Builder<R> b = new Builder<>(name, ColumnType.INT);
        b.asLong = value;
        return b;
    }

    static <R> Builder<R> timestampField(String name, ToLongFunction<R> epochMs) {
        Builder<R> b = new Builder<>(name, ColumnType.TIMESTAMP);
        b.asLong = epochMs;
        return b;
    }

    static <R> Builder<R> dateField(String name, ToLongFunction<R> epochDay) {
        Builder<R> b = new Builder<>(name, ColumnType.DATE);
        b.asLong = epochDay;
        return b;
    }

    static <R> Builder<R> booleanField(String name, Predicate<R> value) {
        Builder<R> b = new Builder<>(name, ColumnType.BOOLEAN);
        b.asBoolean = value;
        return b;
    }

    static <R> Builder<R> doubleField(String name, ToDoubleFunction<R> value) {
        Builder<R> b = new Builder<>(name, ColumnType.DOUBLE);
        b.asDouble = value;
        return b;
    }

    static <R> Builder<R> textField(String name, Function<R, byte[]> value) {
        Builder<R> b = new Builder<>(name, ColumnType.TEXT);
        b.asText = value;
        return b;
    }

    /** An enum's name as text, from a table made once (no allocation per row). */
    static <R, E extends Enum<E>> Builder<R> enumField(String name, Class<E> type, Function<R, E> value) {
        E[] values = type.getEnumConstants();
        byte[][] names = new byte[values.length][];
        for (E v : values) {
            names[v.ordinal()] = v.name().getBytes(StandardCharsets.US_ASCII);
        }
        return textField(name, r -> names[value.apply(r).ordinal()]);
    }
}
