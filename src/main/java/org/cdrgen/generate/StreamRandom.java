package org.cdrgen.generate;

import org.apache.commons.rng.core.source64.LongProvider;
import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * A SplitMix64 stream that can be pointed at another seed in place. Samplers (alias tables and the like) are
 * bound to it once per worker; reseeding it for the next subscriber-day then re-targets all of them without
 * building or copying any table, and without allocating: a fresh {@link SplitMix64} per stream (tens per
 * subscriber-day) cost 2% of a run, mostly the garbage collector's barrier on storing a young object into
 * this long-lived one.
 *
 * <p>The same numbers as {@code new SplitMix64(seed)}: {@link #next} is SplitMix64's step, and everything
 * derived from it (ints from the halves of a long, doubles, bounded ints, booleans) is Commons RNG's own
 * {@link LongProvider} code, whose cached halves are dropped on every reseed as a new instance would start.
 */
public final class StreamRandom extends LongProvider {
    private long state;

    /** From now on, the stream {@code new SplitMix64(seed)} would give. */
    public void reseed(long seed) {
        state = seed;
        resetCachedState();
    }

    @Override
    public long next() {
        long z = state + 0x9e3779b97f4a7c15L;
        state = z;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
