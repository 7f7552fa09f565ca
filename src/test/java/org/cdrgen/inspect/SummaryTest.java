package org.cdrgen.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small primitive building blocks: quantiles, top-k, and the hash structures under growth. */
class SummaryTest {
    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        Summary s = Summary.of(5, 1, 4, 2, 3);
        assertEquals(new Summary(5, 3, 1.4, 3, 4.6, 4.96, 5), s);
        assertEquals(2.5, Summary.of(4, 1, 3, 2).median());
        assertEquals(new Summary(1, 7, 7, 7, 7, 7, 7), Summary.of(7));
        assertTrue(Double.isNaN(Summary.of().median()));
        assertEquals(0, Summary.of().n());
    }

    @Test
    void topCountsKeepTheLargestInOrder() {
        int[] top = new int[6];
        for (int count : new int[] {3, 9, 1, 9, 4}) {
            TopCounts.insert(top, 3, 3, count);
        }
        assertArrayEquals(new int[] {0, 0, 0, 9, 9, 4}, top);
    }

    @Test
    void hashStructuresSurviveGrowth() {
        LongIntMap map = new LongIntMap(4);
        PairCounter pairs = new PairCounter(4);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = (long) (i % 977) << 32 | (i * 7919L % 40_000);
            int id = map.getOrAdd(key);
            expected.putIfAbsent(key, expected.size());
            assertEquals(expected.get(key), id);
            pairs.add(i % 977, i * 7919L % 40_000);
        }
        assertEquals(expected.size(), map.size());
        assertEquals(-1, map.get(-5));
        assertEquals(expected.size(), pairs.size());
        long[] total = new long[1];
        pairs.forEach((sub, key, count) -> total[0] += count);
        assertEquals(50_000, total[0]);
        pairs.clear();
        assertEquals(0, pairs.size());
    }
}
