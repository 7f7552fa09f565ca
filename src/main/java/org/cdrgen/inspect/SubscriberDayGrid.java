package org.cdrgen.inspect;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * Per subscriber-day counters, one slot per (subscriber id, date index) and zero when nothing happened, so
 * that idle subscriber-days count as zeros in the distributions. Grows as new subscribers appear.
 */
final class SubscriberDayGrid {
    final int days;
    /** Rows of any event type: whether the subscriber shows up at all that day. */
    int[] rows = new int[0];
    int[] voiceMo = new int[0];
    int[] voiceCalls = new int[0];
    int[] smsMo = new int[0];
    int[] dataSessions = new int[0];
    long[] dataBytes = new long[0];
    int[] contactsVoiceSms = new int[0];
    int[] contactsVoice = new int[0];
    private int subscribers;

    SubscriberDayGrid(int days) {
        this.days = days;
    }

    /** The slot of (subscriber, day), growing the grid when the subscriber is new. */
    int slot(int subscriber, int day) {
        if (subscriber >= subscribers) {
            grow(subscriber + 1);
        }
        return subscriber * days + day;
    }

    private void grow(int atLeast) {
        subscribers = Math.max(atLeast, Math.max(1024, subscribers * 2));
        int length = Math.multiplyExact(subscribers, days);
        rows = Arrays.copyOf(rows, length);
        voiceMo = Arrays.copyOf(voiceMo, length);
        voiceCalls = Arrays.copyOf(voiceCalls, length);
        smsMo = Arrays.copyOf(smsMo, length);
        dataSessions = Arrays.copyOf(dataSessions, length);
        dataBytes = Arrays.copyOf(dataBytes, length);
        contactsVoiceSms = Arrays.copyOf(contactsVoiceSms, length);
        contactsVoice = Arrays.copyOf(contactsVoice, length);
    }

    /** The counter's value of every subscriber-day of the population, days of {@code dayFilter} only. */
    double[] values(int[] counter, boolean[] population, int populationSize, boolean[] dayFilter) {
        return values(slot -> slot < counter.length ? counter[slot] : 0, population, populationSize, dayFilter);
    }

    double[] values(long[] counter, boolean[] population, int populationSize, boolean[] dayFilter) {
        return values(slot -> slot < counter.length ? counter[slot] : 0, population, populationSize, dayFilter);
    }

    private double[] values(IntToDoubleFunction valueAt, boolean[] population, int populationSize,
            boolean[] dayFilter) {
        double[] out = new double[populationSize * countTrue(dayFilter)];
        int n = 0;
        for (int s = 0; s < population.length; s++) {
            if (population[s]) {
                for (int d = 0; d < days; d++) {
                    if (dayFilter[d]) {
                        out[n++] = valueAt.applyAsDouble(s * days + d);
                    }
                }
            }
        }
        return out;
    }

    static int countTrue(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
