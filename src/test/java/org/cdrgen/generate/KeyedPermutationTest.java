package org.cdrgen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The keyed permutation behind MSINs and MSISDNs: a bijection of [0, size), keyed, and cheap. */
class KeyedPermutationTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 7, 10, 99, 1_000, 4_097, 100_003, 1_000_000})
    void isABijectionOfItsDomain(long size) {
        KeyedPermutation p = new KeyedPermutation(size, 42);
        BitSet seen = new BitSet((int) size);
        for (long x = 0; x < size; x++) {
            long y = p.permute(x);
            assertTrue(y >= 0 && y < size, "out of range: " + y);
            assertTrue(!seen.get((int) y), "two inputs give " + y);
            seen.set((int) y);
        }
        assertEquals(size, seen.cardinality());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 7, 99, 4_097, 100_003, 10_000_000_000L})
    void inverseUndoesPermute(long size) {
        KeyedPermutation p = new KeyedPermutation(size, 9);
        for (long x = 0; x < Math.min(size, 5_000); x++) {
            long y = p.permute(x);
            assertEquals(x, p.inverse(y), "inverse of permute(" + x + ")");
            assertEquals(x, p.permute(p.inverse(x)), "permute of inverse(" + x + ")");
        }
    }

    @Test
    void theKeyChangesTheNumbering() {
        KeyedPermutation a = new KeyedPermutation(10_000_000_000L, 1);
        KeyedPermutation b = new KeyedPermutation(10_000_000_000L, 2);
        int same = 0;
        for (long x = 0; x < 1_000; x++) {
            same += a.permute(x) == b.permute(x) ? 1 : 0;
        }
        assertTrue(same < 3, same + " of 1,000 ids numbered alike under two keys");
    }

    @Test
    void staysCheap() {
        KeyedPermutation p = new KeyedPermutation(800_000_000L, 7);
        Set<Long> sink = new HashSet<>();
        long checksum = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (long x = 0; x < 2_000_000; x++) {
                checksum += p.permute(x);
            }
            long ns = System.nanoTime() - start;
            sink.add(checksum);
            if (round == 4) {
                double perCall = ns / 2_000_000.0;
                System.out.println(String.format(Locale.ROOT, "KeyedPermutation.permute: %.1f ns per call", perCall));
                // Generous bound (a slow CI machine): the affine map it replaced was a few ns.
                assertTrue(perCall < 500, "permute costs " + perCall + " ns");
            }
        }
        assertTrue(!sink.isEmpty());
    }
}
