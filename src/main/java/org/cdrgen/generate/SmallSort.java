package org.cdrgen.generate;

/**
 * Sorting of the short key arrays of a subscriber-day (its ~20 rows by time, its ~25 contacts by
 * strength; at most a few thousand). {@code Arrays.sort} also uses insertion sort at these sizes, but
 * through the general dual-pivot quicksort's large methods, whose compiles took ~0.13 s of a 100k run's C2
 * time. These two loops are a few dozen bytes, compiled in passing.
 */
final class SmallSort {
    /** Up to this many elements, plain insertion sort (at most ~n^2/4 moves). */
    static final int INSERTION_MAX = 64;
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
