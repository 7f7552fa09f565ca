package org.cdrgen.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.cdrgen.api.Cdrgen;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.output.TypedFields;
import org.cdrgen.sink.RowSink;

/**
 * Generates one chunk with the CLI's chunk generator and hands its rows to Spark. The chunk is generated a
 * slice of subscribers at a time, so a task holds a few thousand rows, not a whole chunk's: a subscriber-day's
 * rows are the same whichever block it is generated in (the library's {@code events(subscriber, date)} relies
 * on the same), so slicing changes nothing but memory.
 */
final class ChunkReader implements PartitionReader<InternalRow>, RowSink {
    /** Subscribers per slice: ~30 rows each, so a few thousand rows, about a megabyte, in flight. */
    static final int SLICE = 100;

    private final Cdrgen cdrgen;
    private final SourceOptions.Kind kind;
    private final ChunkPartition chunk;
    private final RowConverter<EventRow> events;
    private final RowConverter<SubscriberRow> subscribers;
    private final RowConverter<CellRow> cells;
    private final List<InternalRow> rows = new ArrayList<>();
    private int next;
    private int sliced;
    private boolean cellsDone;
    private InternalRow current;

    ChunkReader(Cdrgen cdrgen, SourceOptions.Kind kind, StructType schema, ChunkPartition chunk) {
        this.cdrgen = cdrgen;
        this.kind = kind;
        this.chunk = chunk;
        this.events = kind == SourceOptions.Kind.EVENTS ? new RowConverter<>(TypedFields.EVENTS, schema) : null;
        this.subscribers = kind == SourceOptions.Kind.SUBSCRIBERS ? new RowConverter<>(TypedFields.SUBSCRIBERS, schema) : null;
        this.cells = kind == SourceOptions.Kind.CELLS ? new RowConverter<>(TypedFields.CELLS, schema) : null;
    }

    @Override
    public boolean next() {
        while (next >= rows.size()) {
            if (!fill()) {
                return false;
            }
        }
        current = rows.get(next++);
        return true;
    }

    /** Generates the next slice; false when the chunk is done. */
    private boolean fill() {
        rows.clear();
        next = 0;
        if (kind == SourceOptions.Kind.CELLS) {
            if (cellsDone) {
                return false;
            }
            cellsDone = true;
            cdrgen.cells(this);
            return true;
        }
        if (sliced >= chunk.subscriberCount()) {
            return false;
        }
        int count = Math.min(SLICE, chunk.subscriberCount() - sliced);
        cdrgen.generate(new Cdrgen.Chunk(-1, LocalDate.ofEpochDay(chunk.epochDay()), chunk.dayIndex(),
                chunk.firstSubscriber() + sliced, count), this);
        sliced += count;
        return true;
    }

    @Override
    public void event(EventRow row) {
        if (events != null) {
            rows.add(events.convert(row, chunk.epochDay()));
        }
    }

    @Override
    public void subscriber(SubscriberRow row) {
        if (subscribers != null) {
            rows.add(subscribers.convert(row, chunk.epochDay()));
        }
    }

    @Override
    public void cell(CellRow row) {
        if (cells != null) {
            rows.add(cells.convert(row, chunk.epochDay()));
        }
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() {
        rows.clear();
    }
}
