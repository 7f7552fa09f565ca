package org.cdrgen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The settlement order: a bijection of lines, cut into households of the profile's sizes. */
class SettlementTest {
    private static final double[] UK = {0.30, 0.34, 0.16, 0.13, 0.05, 0.02};

    @Test
    void positionsAreABijectionOfLines() {
        Settlement s = new Settlement(42, 10_007, UK);
        boolean[] seen = new boolean[10_007];
        for (int line = 0; line < 10_007; line++) {
            int p = s.position(line);
            assertTrue(!seen[p], "two lines at position " + p);
            seen[p] = true;
            assertEquals(line, s.line(p));
        }
    }

    @Test
    void householdsTileTheOrderWithTheProfilesSizes() {
        int lines = 200_000;
        Settlement s = new Settlement(7, lines, UK);
        int[] households = new int[7];
        int p = 0;
        while (p < lines) {
            assertEquals(p, s.householdStart(p), "a household starts where the one before ends");
            int size = s.householdSize(p);
            for (int q = p; q < p + size; q++) {
                assertEquals(p, s.householdStart(q));
                assertEquals(size, s.householdSize(q));
            }
            households[size]++;
            p += size;
        }
        int total = 0;
        for (int n : households) {
            total += n;
        }
        // Block ends cut a few households short, so singles gain a little.
        assertEquals(0.30, households[1] / (double) total, 0.04);
        assertEquals(0.34, households[2] / (double) total, 0.03);
        assertEquals(0.13, households[4] / (double) total, 0.02);
    }
}
