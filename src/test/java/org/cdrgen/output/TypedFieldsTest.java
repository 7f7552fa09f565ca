package org.cdrgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cdrgen.api.Cdrgen;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.sink.RowSink;
import org.junit.jupiter.api.Test;

/**
 * The typed values (what Parquet and Spark get) are the CSV's values: every row of a run, written as text from
 * its typed fields, is the line the CSV formatter writes.
 */
class TypedFieldsTest {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private static <R> String asCsv(List<TypedField<R>> fields, R row) {
        StringBuilder line = new StringBuilder();
        for (TypedField<R> f : fields) {
            if (line.length() > 0 || f != fields.get(0)) {
                line.append(',');
            }
            if (f.isNull(row)) {
                continue;
            }
            line.append(switch (f.column().type()) {
                case LONG, INT -> Long.toString(f.asLong(row));
                case TIMESTAMP -> TIMESTAMP.format(Instant.ofEpochMilli(f.asLong(row)));
                case DATE -> LocalDate.ofEpochDay(f.asLong(row)).toString();
                case BOOLEAN -> Boolean.toString(f.asBoolean(row));
                case DOUBLE -> String.format(Locale.ROOT, "%.6f", f.asDouble(row));
                case TEXT -> new String(f.asText(row), StandardCharsets.US_ASCII);
            });
        }
        return line.append('\n').toString();
    }

    @Test
    void typedValuesAreTheCsvValues() {
        Cdrgen cdrgen = Cdrgen.builder().seed(5).subscribers(400).startDate(LocalDate.of(2026, 3, 2)).days(2).build();
        List<String> typed = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        ByteSink sink = new ByteSink(1 << 10);
        RowSink both = new RowSink() {
            @Override
            public void event(EventRow row) {
                typed.add(asCsv(TypedFields.EVENTS, row));
                csv.add(format(() -> EventRowFormatter.format(row, sink)));
            }

            @Override
            public void subscriber(SubscriberRow row) {
                typed.add(asCsv(TypedFields.SUBSCRIBERS, row));
                csv.add(format(() -> DimensionRowFormatter.subscriber(row, sink)));
            }

            @Override
            public void cell(CellRow row) {
                typed.add(asCsv(TypedFields.CELLS, row));
                csv.add(format(() -> DimensionRowFormatter.cell(row, sink)));
            }

            private String format(Runnable write) {
                sink.reset();
                write.run();
                return new String(sink.array(), 0, sink.size(), StandardCharsets.US_ASCII);
            }
        };
        for (Cdrgen.Chunk chunk : cdrgen.chunks()) {
            cdrgen.generate(chunk, both);
        }
        cdrgen.cells(both);
        assertTrue(csv.size() > 10_000, "rows of every kind: " + csv.size());
        assertEquals(csv, typed);
    }
}
