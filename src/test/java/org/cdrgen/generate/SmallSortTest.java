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
}
