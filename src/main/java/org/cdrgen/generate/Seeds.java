package org.cdrgen.generate;


/**
 * Every random stream is derived from (run seed, subscriber, day, purpose) by hashing, never from thread
 * order or a shared generator: any worker, shard or Spark task can rebuild any stream on its own.
 */
public final class Seeds {
    private Seeds() {
    }

    /** What a stream is for; a new purpose gets a new constant, so adding one never shifts the others. */
    public enum Purpose {
        IDENTITY(1), PLACES(2), CONTACTS(3), DEVICE(4), VOICE(5), SMS(6), DATA(7), ROAMING(8), MT_LEG(9),
        TIE(10), NETWORK(12), SCENARIO(13), OTHER_PARTIES(14), LIFECYCLE(15), SIM(16), HABITS(17), SETTLEMENT(18),
        RHYTHM(19);

        final long code;

        Purpose(long code) {
            this.code = code;
        }
    }

    /** SplitMix64's output function (Stafford's mix 13): a bijective, well-avalanching 64-bit hash. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long subscriber, long day, Purpose purpose) {
        long h = mix(seed + 0x9e3779b97f4a7c15L);
        h = mix(h ^ (subscriber * 0x9e3779b97f4a7c15L));
        h = mix(h ^ (day * 0xc2b2ae3d27d4eb4fL));
        return mix(h ^ (purpose.code * 0x165667b19e3779f9L));
    }

    public static long hash(long previous, long value) {
        return mix(previous ^ mix(value + 0x9e3779b97f4a7c15L));
    }

    /** A uniform double in [0, 1) from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * A fresh generator for one stream: a {@link StreamRandom} (SplitMix64's numbers) like every other stream.
     * Samplers then only ever meet one provider class, so the JIT compiles each sampler call once, for that
     * class, instead of for two.
     */
    public static StreamRandom stream(long seed, long subscriber, long day, Purpose purpose) {
        return stream(hash(seed, subscriber, day, purpose));
    }

    /** A fresh generator for the stream seeded by a hash. */
    public static StreamRandom stream(long seedHash) {
        StreamRandom random = new StreamRandom();
        random.reseed(seedHash);
        return random;
    }
}
