package org.cdrgen.generate;

import java.util.Arrays;
import org.cdrgen.model.EventRow;

/** The rows of one subscriber-day, pooled per worker and put in time order before they are written. */
final class RowBatch {
    /** Record ids keep 6 decimal digits for the row number within a subscriber-day. */
    static final int MAX_ROWS = 999_999;
    /** Record ids and call references: the subscriber-day key, then a 6-digit number within that day. */
    static final long PER_SUBSCRIBER_DAY = 1_000_000L;
    private static final int INDEX_BITS = 20;

    private EventRow[] rows = new EventRow[256];
    private EventRow[] sorted = new EventRow[256];
    private long[] keys = new long[256];
    private long[] scratchKeys = new long[256];
    private int[] runBounds = new int[257];
    private int size;
    private final EventRow overflow = new EventRow();
    private boolean overflowed;

    RowBatch() {
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new EventRow();
        }
    }

    void reset() {
        size = 0;
        overflowed = false;
    }

    /** A cleared row to fill; past {@link #MAX_ROWS} rows a scratch row that is never written. */
    EventRow add() {
        EventRow row = next();
        row.clear();
        return row;
    }

    /** A row that starts as a copy of {@code source} (not cleared first: the copy sets every field). */
    EventRow addCopyOf(EventRow source) {
        EventRow row = next();
        row.copyFrom(source);
        return row;
    }

    private EventRow next() {
        if (size == MAX_ROWS) {
            overflowed = true;
            return overflow;
        }
        if (size == rows.length) {
            int n = rows.length * 2;
            rows = Arrays.copyOf(rows, n);
            for (int i = size; i < n; i++) {
                rows[i] = new EventRow();
            }
            sorted = new EventRow[n];
            keys = new long[n];
            scratchKeys = new long[n];
            runBounds = new int[n + 1];
        }
        return rows[size++];
    }

    boolean overflowed() {
        return overflowed;
    }

    int size() {
        return size;
    }

    EventRow get(int i) {
        return rows[i];
    }

    /** Keeps the rows that pass, in order; the dropped row objects go back to the pool, after them. */
    void keepIf(java.util.function.Predicate<EventRow> keep) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            EventRow row = rows[i];
            if (keep.test(row)) {
                rows[i] = rows[kept];
                rows[kept++] = row;
            }
        }
        size = kept;
    }

    /**
     * Sorts by start time; rows starting in the same millisecond keep their generation order (the keys are
     * distinct: the row's index is their low bits). The services add their rows in time order each, so the
     * keys are a few sorted runs, which {@link SmallSort#sortRuns} merges.
     */
    void sortByStart(long dayStartMs) {
        for (int i = 0; i < size; i++) {
            keys[i] = (rows[i].startMs - dayStartMs) << INDEX_BITS | i;
        }
        SmallSort.sortRuns(keys, size, scratchKeys, runBounds);
        for (int i = 0; i < size; i++) {
            sorted[i] = rows[(int) (keys[i] & ((1 << INDEX_BITS) - 1))];
        }
        // The first rows become a permutation of themselves, so the pool keeps every object once.
        System.arraycopy(sorted, 0, rows, 0, size);
    }
}
