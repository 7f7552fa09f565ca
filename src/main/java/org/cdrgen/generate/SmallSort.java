package org.cdrgen.generate;

/**
 * Sorting of the short key arrays of a subscriber-day (its ~20 rows by time, its ~25 contacts by
 * strength; at most a few thousand). {@code Arrays.sort} also uses insertion sort at these sizes, but
 * through the general dual-pivot quicksort's large methods, whose compiles took ~0.13 s of a 100k run's C2
 * time. These loops are a few dozen bytes each, compiled in passing.
 */
final class SmallSort {
    /** Up to this many elements, plain insertion sort (at most ~n^2/4 moves). */
    static final int INSERTION_MAX = 64;
    /** Below this many elements {@link #sortRuns} sorts by insertion: fewer moves than finding runs costs. */
    static final int RUNS_MIN = 12;
    /** Ciura's gap sequence, for the rare longer arrays (Shell sort). */
    private static final int[] GAPS = {1750, 701, 301, 132, 57, 23, 10, 4, 1};

    private SmallSort() {
    }

    /** Sorts a[from, to) ascending: the same result as {@code Arrays.sort(a, from, to)}. */
    static void sort(long[] a, int from, int to) {
        if (to - from <= INSERTION_MAX) {
            gapInsertionSort(a, from, to, 1);
            return;
        }
        for (int gap : GAPS) {
            gapInsertionSort(a, from, to, gap);
        }
    }

    /**
     * Sorts a[0, n) ascending, for input made of a few ascending runs: a subscriber-day's rows come from each
     * service in time order (voice, SMS, data sessions, the calls others made to it), so their keys are a
     * handful of sorted runs one after the other. Insertion sort moves each row past every later-starting
     * row of the earlier runs (~n^2/4 moves for 5 runs); merging the runs pairwise costs n per round, and
     * log2(runs) rounds. Input with many short runs (nearly random) goes to {@link #sort} instead.
     *
     * @param scratch room for n keys
     * @param bounds  room for n + 1 ints: where the runs start, then where they end
     */
    static void sortRuns(long[] a, int n, long[] scratch, int[] bounds) {
        if (n < RUNS_MIN) {
            gapInsertionSort(a, 0, n, 1);
            return;
        }
        int runs = 0;
        bounds[0] = 0;
        for (int i = 1; i < n; i++) {
            if (a[i] < a[i - 1]) {
                bounds[++runs] = i;
            }
        }
        bounds[++runs] = n;
        if (runs == 1) {
            return;
        }
        if (2 * runs > n) {
            sort(a, 0, n);
            return;
        }
        long[] from = a;
        long[] to = scratch;
        while (runs > 1) {
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                int lo = bounds[r];
                int mid = bounds[Math.min(r + 1, runs)];
                int hi = bounds[Math.min(r + 2, runs)];
                merge(from, lo, mid, hi, to);
                bounds[merged++] = lo; // never an index a later pair still reads: merged <= r / 2
            }
            bounds[merged] = n;
            runs = merged;
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, n);
        }
    }

    /** Merges the sorted src[lo, mid) and src[mid, hi) into dst[lo, hi) (equal keys: the first run's first). */
    private static void merge(long[] src, int lo, int mid, int hi, long[] dst) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            long x = src[i];
            long y = src[j];
            if (y < x) {
                dst[k++] = y;
                j++;
            } else {
                dst[k++] = x;
                i++;
            }
        }
        if (i < mid) {
            System.arraycopy(src, i, dst, k, mid - i);
        } else if (j < hi) {
            System.arraycopy(src, j, dst, k, hi - j);
        }
    }

    private static void gapInsertionSort(long[] a, int from, int to, int gap) {
        for (int i = from + gap; i < to; i++) {
            long key = a[i];
            int j = i - gap;
            while (j >= from && a[j] > key) {
                a[j + gap] = a[j];
                j -= gap;
            }
            a[j + gap] = key;
        }
    }
}
