package org.cdrgen.inspect;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to dense int ids 0, 1, 2, ... in insertion order. Callers keep their
 * per-key values in parallel primitive arrays indexed by the id, which is far smaller than a HashMap of
 * boxed values when a drop holds millions of sessions or call references.
 */
final class LongIntMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] ids;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
        Arrays.fill(ids, EMPTY);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The id of {@code key}, or -1. */
    int get(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            int id = ids[slot];
            if (id == EMPTY || keys[slot] == key) {
                return id;
            }
        }
    }

    /** The id of {@code key}, adding it with the next id if absent; {@link #size()} tells whether it was added. */
    int getOrAdd(long key) {
        int slot = slot(key);
        while (true) {
            int id = ids[slot];
            if (id == EMPTY) {
                break;
            }
            if (keys[slot] == key) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ids[slot] = size;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private int slot(long key) {
        return (int) mix(key) & mask;
    }

    /** A strong 64-bit finalizer: keys such as IMSI index << 32 | charging id are far from uniform. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        Arrays.fill(ids, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (ids[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    /** The keys by id: keysInOrder()[id] is the key given that id. */
    long[] keysInOrder() {
        long[] out = new long[size];
        for (int slot = 0; slot < keys.length; slot++) {
            if (ids[slot] != EMPTY) {
                out[ids[slot]] = keys[slot];
            }
        }
        return out;
    }
}
