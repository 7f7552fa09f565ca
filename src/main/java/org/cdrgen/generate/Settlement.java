package org.cdrgen.generate;

/**
 * Where lines live relative to each other. The lines are put in a keyed order (a permutation of their ids,
 * so ids say nothing about where anyone lives); the country lays that order over its map so that lines close
 * in it live close together, and cuts it into households, whose members share a home. Contacts draw on the
 * same order (household, neighbours). A pure function of (seed, lines, household sizes): O(1) per question.
 */
public final class Settlement {
    /** Households never cross a block boundary, so a household is found from its block alone. */
    static final int BLOCK = 32;

    private final int lines;
    private final KeyedPermutation order;
    private final long seed;
    /** Cumulative shares of household sizes 1..n, normalised to end at 1. */
    private final double[] cumulativeSizes;

    public Settlement(long seed, int lines, double[] householdSizeShares) {
        this.lines = lines;
        this.seed = seed;
        this.order = new KeyedPermutation(Math.max(1, lines), Seeds.hash(seed, 0, 0, Seeds.Purpose.SETTLEMENT));
        double sum = 0;
        for (double share : householdSizeShares) {
            sum += share;
        }
        this.cumulativeSizes = new double[householdSizeShares.length];
        double running = 0;
        for (int i = 0; i < householdSizeShares.length; i++) {
            running += householdSizeShares[i];
            cumulativeSizes[i] = running / sum;
        }
        cumulativeSizes[cumulativeSizes.length - 1] = 1.0;
    }

    public int lines() {
        return lines;
    }

    /** The line's place in the settlement order, 0..lines-1. */
    public int position(int line) {
        return (int) order.permute(line);
    }

    /** The line at a place of the settlement order. */
    public int line(int position) {
        return (int) order.inverse(position);
    }

    /** The first position of the household holding {@code position}. */
    public int householdStart(int position) {
        return (int) (household(position) >>> 32);
    }

    /** How many lines share the household of {@code position} (1 for a single). */
    public int householdSize(int position) {
        return (int) household(position);
    }

    /** (start << 32 | size) of the household at a position, both at once (contacts walk its members). */
    long householdSpan(int position) {
        return household(position);
    }

    /** (start << 32 | size) of the household at a position: sizes are drawn along its block from the block's hash. */
    private long household(int position) {
        int blockStart = position / BLOCK * BLOCK;
        int blockEnd = Math.min(blockStart + BLOCK, lines);
        long h = Seeds.hash(seed, blockStart, 1, Seeds.Purpose.SETTLEMENT);
        int start = blockStart;
        while (true) {
            h = Seeds.mix(h);
            int size = Math.min(sizeOf(Seeds.unit(h)), blockEnd - start);
            if (position < start + size) {
                return (long) start << 32 | size;
            }
            start += size;
        }
    }

    private int sizeOf(double u) {
        int i = 0;
        while (u >= cumulativeSizes[i] && i < cumulativeSizes.length - 1) {
            i++;
        }
        return i + 1;
    }
}
