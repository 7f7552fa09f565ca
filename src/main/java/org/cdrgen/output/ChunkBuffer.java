package org.cdrgen.output;

import java.io.IOException;
import java.util.Arrays;

/**
 * The formatted output of one chunk (a block of subscribers on one day): event rows with their end
 * offsets, so the writer can cut files at row boundaries, and the block's subscriber rows on the first day.
 * Reused: a run holds only a few of them per worker, whatever the population.
 */
public final class ChunkBuffer {
    // Sized for a typical 1,000-subscriber chunk (~4 MB) with room to spare: a buffer that grows while the
    // JIT has compiled the formatter assuming it never does costs a deoptimization and a recompile.
    private final ByteSink events = new ByteSink(8 << 20);
    private int[] eventRowEnds = new int[1 << 16];
    private int eventRows;
    private final ByteSink subscribers = new ByteSink(1 << 18);
    private int[] subscriberRowEnds = new int[2048];
    private int subscriberRows;

    public void reset() {
        events.reset();
        eventRows = 0;
        subscribers.reset();
        subscriberRows = 0;
    }

    public ByteSink events() {
        return events;
    }

    public void endEventRow() {
        if (eventRows == eventRowEnds.length) {
            eventRowEnds = Arrays.copyOf(eventRowEnds, eventRows * 2);
        }
        eventRowEnds[eventRows++] = events.size();
    }

    public ByteSink subscribers() {
        return subscribers;
    }

    public void endSubscriberRow() {
        if (subscriberRows == subscriberRowEnds.length) {
            subscriberRowEnds = Arrays.copyOf(subscriberRowEnds, subscriberRows * 2);
        }
        subscriberRowEnds[subscriberRows++] = subscribers.size();
    }

    public int eventRows() {
        return eventRows;
    }

    public int subscriberRows() {
        return subscriberRows;
    }

    void writeEventsTo(RotatingCsvWriter writer) throws IOException {
        writer.write(events.array(), eventRowEnds, eventRows);
    }

    void writeSubscribersTo(RotatingCsvWriter writer) throws IOException {
        writer.write(subscribers.array(), subscriberRowEnds, subscriberRows);
    }
}
