package org.cdrgen.output;

import org.cdrgen.model.CellRow;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.sink.RowSink;

/**
 * The CSV sink: formats each row straight into a reused {@link ChunkBuffer} (event rows, subscriber rows;
 * cell rows go where event rows go, since a cells buffer holds nothing else), for the drop's writer to cut
 * into files.
 */
public final class CsvRowSink implements RowSink {
    private final ChunkBuffer buffer;

    public CsvRowSink(ChunkBuffer buffer) {
        this.buffer = buffer;
    }

    public ChunkBuffer buffer() {
        return buffer;
    }

    @Override
    public void event(EventRow row) {
        EventRowFormatter.format(row, buffer.events());
        buffer.endEventRow();
    }

    @Override
    public void subscriber(SubscriberRow row) {
        DimensionRowFormatter.subscriber(row, buffer.subscribers());
        buffer.endSubscriberRow();
    }

    @Override
    public void cell(CellRow row) {
        DimensionRowFormatter.cell(row, buffer.events());
        buffer.endEventRow();
    }
}
