package org.cdrgen.drop;

import java.util.HashMap;
import java.util.List;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.cdrgen.output.TypedField;
import org.cdrgen.schema.Column;

/**
 * Parquet's schema and record writing for the typed fields of one table, from the one schema: ids and counts
 * INT64/INT32, timestamps INT64 TIMESTAMP(MICROS, UTC), dates INT32 DATE, text BINARY STRING (IMSI, MSISDN,
 * IMEI, MCC and MNC keep their digits), booleans BOOLEAN, coordinates DOUBLE; a nullable column is OPTIONAL
 * and empty where the CSV field is empty.
 */
final class TypedWriteSupport<R> extends WriteSupport<R> {
    private final List<TypedField<R>> fields;
    private final String[] names;
    private RecordConsumer out;

    TypedWriteSupport(List<TypedField<R>> fields) {
        this.fields = fields;
        this.names = fields.stream().map(f -> f.column().name()).toArray(String[]::new);
    }

    static <R> MessageType schema(List<TypedField<R>> fields) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (TypedField<R> f : fields) {
            message.addField(type(f.column()));
        }
        return message.named("cdrgen");
    }

    private static Type type(Column c) {
        Type.Repetition repetition = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        Types.PrimitiveBuilder<PrimitiveType> b = switch (c.type()) {
            case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition);
            case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition);
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition);
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType());
            case TEXT -> Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType());
        };
        return b.named(c.name());
    }

    @Override
    public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
        return new WriteContext(schema(fields), new HashMap<>());
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        return new WriteContext(schema(fields), new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(R row) {
        RecordConsumer o = out;
        o.startMessage();
        for (int i = 0; i < names.length; i++) {
            TypedField<R> f = fields.get(i);
            if (f.isNull(row)) {
                continue;
            }
            o.startField(names[i], i);
            switch (f.column().type()) {
                case LONG -> o.addLong(f.asLong(row));
                case INT, DATE -> o.addInteger((int) f.asLong(row));
                case TIMESTAMP -> o.addLong(f.asLong(row) * 1000L);
                case DOUBLE -> o.addDouble(f.asDouble(row));
                case BOOLEAN -> o.addBoolean(f.asBoolean(row));
                // The generator's byte arrays are never changed once a row holds them: no copy needed.
                case TEXT -> o.addBinary(Binary.fromConstantByteArray(f.asText(row)));
            }
            o.endField(names[i], i);
        }
        o.endMessage();
    }
}
