package org.cdrgen.inspect;

import java.util.Arrays;

/**
 * Counts occurrences of (subscriber index, long key) pairs, e.g. (subscriber, other party number) or
 * (subscriber, cell id), with primitive arrays instead of one small map per subscriber. Afterwards
 * {@link #forEach} visits every distinct pair with its count.
 */
final class PairCounter {
    private int[] subscribers;
    private long[] keys;
    private int[] counts;
    private int size;
    private int mask;

    interface PairVisitor {
        void visit(int subscriber, long key, int count);
    }

    PairCounter(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        subscribers = new int[capacity];
        keys = new long[capacity];
        counts = new int[capacity];
        mask = capacity - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    void add(int subscriber, long key) {
        int slot = slot(subscriber, key);
        while (counts[slot] != 0) {
            if (subscribers[slot] == subscriber && keys[slot] == key) {
                counts[slot]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        subscribers[slot] = subscriber;
        keys[slot] = key;
        counts[slot] = 1;
        if (++size * 2 > counts.length) {
            grow();
        }
    }

    /** Empties the counter but keeps its capacity (the per-day counters are reused every day). */
    void clear() {
        Arrays.fill(counts, 0);
        size = 0;
    }

    void forEach(PairVisitor visitor) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                visitor.visit(subscribers[i], keys[i], counts[i]);
            }
        }
    }

    private int slot(int subscriber, long key) {
        return (int) LongIntMap.mix(key * 0x9E3779B97F4A7C15L + subscriber) & mask;
    }

    private void grow() {
        int[] oldSubscribers = subscribers;
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        allocate(oldCounts.length * 2);
        for (int i = 0; i < oldCounts.length; i++) {
            if (oldCounts[i] != 0) {
                int slot = slot(oldSubscribers[i], oldKeys[i]);
                while (counts[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                subscribers[slot] = oldSubscribers[i];
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
                size++;
            }
        }
    }
}
