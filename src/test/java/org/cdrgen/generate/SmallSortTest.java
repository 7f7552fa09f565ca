package org.cdrgen.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SmallSort gives exactly what Arrays.sort gives, below, at and above its insertion-sort limit. */
class SmallSortTest {
    @Test
    void sameAsArraysSortOnRandomRanges() {
        SplittableRandom random = new SplittableRandom(42);
        int[] sizes = {0, 1, 2, 3, 7, 20, SmallSort.INSERTION_MAX - 1, SmallSort.INSERTION_MAX,
            SmallSort.INSERTION_MAX + 1, 300, 5000};
        for (int size : sizes) {
            for (int round = 0; round < (size > 1000 ? 20 : 200); round++) {
                long[] values = new long[size + 10];
                for (int i = 0; i < values.length; i++) {
                    // Few distinct values too, so duplicates and runs are covered.
                    values[i] = round % 2 == 0 ? random.nextLong() : random.nextInt(5) - 2;
                }
                long[] expected = values.clone();
                Arrays.sort(expected, 5, 5 + size);
                SmallSort.sort(values, 5, 5 + size);
                assertArrayEquals(expected, values, "size " + size + ", round " + round);
            }
        }
    }

    /** sortRuns on what it is made for (a few ascending runs) and on what it hands over (random, sorted, reversed). */
    @Test
    void sortRunsSameAsArraysSort() {
        SplittableRandom random = new SplittableRandom(7);
        int[] sizes = {0, 1, 2, SmallSort.RUNS_MIN - 1, SmallSort.RUNS_MIN, 17, 40, 65, 300, 3000};
        for (int size : sizes) {
            for (int round = 0; round < 300; round++) {
                long[] values = new long[size];
                int runs = 1 + random.nextInt(Math.max(1, Math.min(12, size)));
                int shape = round % 4;
                for (int i = 0; i < size; i++) {
                    values[i] = switch (shape) {
                        case 0 -> random.nextLong();
                        case 1 -> i;
                        case 2 -> -i;
                        default -> random.nextInt(1_000_000);
                    };
                }
                if (shape == 3) { // a few ascending runs one after the other, as a subscriber-day's services add rows
                    for (int r = 0; r < runs; r++) {
                        Arrays.sort(values, size * r / runs, size * (r + 1) / runs);
                    }
                }
                long[] expected = values.clone();
                Arrays.sort(expected);
                SmallSort.sortRuns(values, size, new long[size], new int[size + 1]);
                assertArrayEquals(expected, values, "size " + size + ", round " + round + ", shape " + shape);
            }
        }
    }
}
