package org.cdrgen.output;

import java.util.Arrays;

/**
 * The formatted output of one chunk (a block of subscribers on one day): event rows with their end
 * offsets, so the writer can cut files at row boundaries, and the block's subscriber rows on the first day.
 * Reused: a run holds only a few of them per worker, whatever the population.
 */
public final class ChunkBuffer {
    /** Room per subscriber-day: about twice what the default profile writes. */
    public static final int BYTES_PER_SUBSCRIBER_DAY = 8 << 10;

    private final ByteSink events;
    private int[] eventRowEnds;
    private int eventRows;
    private final ByteSink subscribers;
    private int[] subscriberRowEnds;
    private int subscriberRows;

    /**
     * Sized for a chunk of this many subscribers with room to spare: a buffer that grows after the JIT has
     * compiled the formatter assuming it never does costs a deoptimization and a recompile.
     */
    public ChunkBuffer(int chunkSubscribers) {
        events = new ByteSink(chunkSubscribers * BYTES_PER_SUBSCRIBER_DAY);
        eventRowEnds = new int[chunkSubscribers * 40];
        subscribers = new ByteSink(chunkSubscribers * 128);
        subscriberRowEnds = new int[chunkSubscribers + 1];
    }

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

    /** Where each event row ends in {@link #events()}: row i spans rowEnds[i-1] (or 0) to rowEnds[i]. */
    public int[] eventRowEnds() {
        return eventRowEnds;
    }

    public int[] subscriberRowEnds() {
        return subscriberRowEnds;
    }
}
