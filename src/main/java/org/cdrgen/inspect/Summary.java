package org.cdrgen.inspect;

import java.util.Arrays;

/**
 * Count, mean and exact quantiles of a sample. Quantiles interpolate linearly between the two nearest
 * order statistics (Hyndman-Fan type 7, the default of R and NumPy), so the median of an even-sized
 * sample is the mean of its two middle values. An empty sample has NaN statistics (null in JSON).
 */
public record Summary(long n, double mean, double p10, double median, double p90, double p99, double max) {

    static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /** Summarizes {@code values[0..length)}, sorting that range in place. */
    static Summary ofSorting(double[] values, int length) {
        if (length == 0) {
            return EMPTY;
        }
        Arrays.sort(values, 0, length);
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        return new Summary(length, sum / length, quantile(values, length, 0.10), quantile(values, length, 0.50),
                quantile(values, length, 0.90), quantile(values, length, 0.99), values[length - 1]);
    }

    static Summary of(double... values) {
        return ofSorting(values.clone(), values.length);
    }

    /** The p-quantile of sorted {@code values[0..length)}. */
    static double quantile(double[] sorted, int length, double p) {
        double h = (length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
