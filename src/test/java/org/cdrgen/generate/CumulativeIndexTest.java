package org.cdrgen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guide-table pick is the binary search's answer for every u off the boundaries, and on a boundary it
 * takes the next index with a weight (a binary search over repeated cumulative values, the zero weights',
 * could land on one of them: the scan never picks a zero weight).
 */
class CumulativeIndexTest {
    private static int binarySearchPick(double[] cumulative, double u) {
        int at = Arrays.binarySearch(cumulative, u);
        int i = at >= 0 ? at + 1 : -at - 1;
        return Math.min(i, cumulative.length - 1);
    }

    @Test
    void picksWhatABinarySearchPicks() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(3000);
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextInt(5) == 0 ? 0 : Math.pow(i + 1, -1.1) * random.nextDouble();
            }
            weights[random.nextInt(n)] += 1;
            double total = Arrays.stream(weights).sum();
            double[] cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += weights[i];
                cumulative[i] = sum / total;
            }
            cumulative[n - 1] = 1.0;
            CumulativeIndex index = new CumulativeIndex(cumulative);
            for (int k = 0; k < 2000; k++) {
                double u = k % 10 == 0 ? cumulative[random.nextInt(n)] * 0.999999999 : random.nextDouble();
                if (k % 17 == 0 || Arrays.binarySearch(cumulative, u) >= 0) {
                    u = k % 17 == 0 ? cumulative[random.nextInt(n)] : u; // exactly on a boundary
                    if (u >= 1) {
                        continue;
                    }
                    int picked = index.pick(u);
                    // (The last index may take the rounding left at the top, whatever its weight.)
                    assertEquals(true, cumulative[picked] > u && (weights[picked] > 0 || picked == n - 1), "boundary u = " + u);
                    continue;
                }
                assertEquals(binarySearchPick(cumulative, u), index.pick(u), "u = " + u + ", n = " + n);
            }
        }
    }
}
