package org.cdrgen.inspect;

import java.util.Arrays;

/** A growable primitive double array: samples (durations, ratios) kept for exact quantiles. */
final class DoubleList {
    private double[] values = new double[1024];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double get(int index) {
        return values[index];
    }

    /** Summarizes the samples; sorts them in place, so call it once all samples are in. */
    Summary summarize() {
        return Summary.ofSorting(values, size);
    }

    double sum() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
    }
}
