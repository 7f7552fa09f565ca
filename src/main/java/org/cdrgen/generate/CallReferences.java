package org.cdrgen.generate;

/**
 * Call references of one subscriber-day: (epoch day, subscriber) in the high bits and a counter in the low
 * 20, so they are unique in a run and any chunk can number its own calls without asking the others.
 */
final class CallReferences {
    private long base;
    private int counter;

    void start(long subscriberDayKey) {
        base = subscriberDayKey << 20;
        counter = 0;
    }

    long next() {
        return base | (counter++ & RowBatch.MAX_ROWS);
    }
}
