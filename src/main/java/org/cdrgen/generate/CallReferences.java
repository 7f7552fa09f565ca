package org.cdrgen.generate;

/**
 * Call references of one subscriber-day: (epoch day x subscribers + subscriber) x 1,000,000 + a counter, so
 * they are unique in a run and any chunk can number its own calls without asking the others. (Decimal, so
 * the leading digits stay the same for a whole subscriber-day and are formatted once.)
 */
final class CallReferences {
    private long base;
    private int counter;

    void start(long subscriberDayKey) {
        base = subscriberDayKey * RowBatch.PER_SUBSCRIBER_DAY;
        counter = 0;
    }

    long next() {
        return base + Math.min(counter++, RowBatch.MAX_ROWS);
    }
}
