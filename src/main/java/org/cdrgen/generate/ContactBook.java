package org.cdrgen.generate;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.ContactProfile;

/**
 * A subscriber's contacts, strongest tie first. On-net ties come from a symmetric rule: whether A and B are
 * linked, and how strongly, is a hash of the unordered pair, so if B is in A's book then A is in B's
 * (reciprocity) and either side can be generated alone. Each subscriber's wish for contacts is heavy-tailed
 * (log-normal); a tie between two candidates of the same community forms with probability proportional to
 * both wishes (a Chung-Lu graph). Off-net contacts are numbers of other operators.
 *
 * One instance per worker, rebuilt for each subscriber it serves (no allocation once warmed up).
 */
public final class ContactBook {
    private final long seed;
    private final int population;
    private final ContactProfile profile;
    private final Population people;
    private final double medianOnNetWish;

    private int size;
    private long[] msisdn = new long[64];
    /** Subscriber id of an on-net contact, -1 for off-net. */
    private int[] subscriber = new int[64];
    private double[] strength = new double[64];
    private long[] order = new long[64];
    private long[] sortedMsisdn = new long[64];
    private int[] sortedSubscriber = new int[64];
    private int[] offNetRanks = new int[64];
    private int offNetCount;

    /** Cached wishes of the community last used: consecutive subscribers share a community. */
    private int cachedCommunityStart = -1;
    private double[] communityWish;

    public ContactBook(long seed, Population people, ContactProfile profile) {
        this.seed = seed;
        this.population = people.size();
        this.profile = profile;
        this.people = people;
        this.medianOnNetWish = profile.meanCount() * profile.onNetShare();
        this.communityWish = new double[profile.communitySize()];
    }

    /** The pool wish back from a cached on-net wish (the same value, without recomputing it). */
    private double poolWish(int id, double onNetWish) {
        return profile.onNetShare() > 0 ? onNetWish / profile.onNetShare() : poolWish(id);
    }

    /** How many contacts a subscriber would like, before ties are drawn: a pure function of the id. */
    private double poolWish(int id) {
        double u = Seeds.unit(Seeds.hash(seed, id, 0, Seeds.Purpose.CONTACTS));
        return Math.min(profile.maxCount(), Quantiles.logNormalWithMean(u, profile.meanCount(), profile.countSigma()));
    }

    public void build(int id) {
        size = 0;
        int c = profile.communitySize();
        int start = id / c * c;
        int end = (int) Math.min((long) start + c, population);
        if (start != cachedCommunityStart) {
            for (int j = start; j < end; j++) {
                communityWish[j - start] = poolWish(j) * profile.onNetShare();
            }
            cachedCommunityStart = start;
        }
        double own = communityWish[id - start];
        // Normalised so that the expected on-net degree is close to one's own wish.
        double norm = medianOnNetWish * (end - start);
        // One hash per pair (the community's seed mixed with the ordered pair) keeps this loop cheap.
        long communitySeed = Seeds.hash(seed, start, 0, Seeds.Purpose.TIE);
        for (int j = start; j < end; j++) {
            if (j == id || size >= profile.maxCount()) {
                continue;
            }
            long pair = Seeds.mix(communitySeed + (long) Math.min(id, j) * 0x9e3779b97f4a7c15L
                    + (long) Math.max(id, j) * 0xc2b2ae3d27d4eb4fL);
            if (Seeds.unit(pair) * norm < own * communityWish[j - start]) {
                add(people.msisdnOf(j), j, tieStrength(Seeds.mix(pair)));
            }
        }
        int offNet = (int) Math.round(poolWish(id, own) * (1 - profile.onNetShare()));
        long h = Seeds.hash(seed, id, 1, Seeds.Purpose.CONTACTS);
        for (int k = 0; k < offNet && size < profile.maxCount(); k++) {
            h = Seeds.mix(h);
            add(people.offNetMsisdn(h), -1, tieStrength(Seeds.mix(h ^ 0x2545F4914F6CDD1DL)));
        }
        if (size == 0) {
            // Everyone has someone to call: a lone off-net number.
            add(people.offNetMsisdn(Seeds.mix(h + 1)), -1, 1.0);
        }
        sortByStrength();
    }

    /** Pareto-tailed tie strength (exponent near the published tie-weight tail, about 1.9). */
    private static double tieStrength(long hash) {
        return Math.pow(1.0 - Seeds.unit(hash), -1.0 / 1.9);
    }

    private void add(long number, int subscriberId, double tie) {
        if (size == msisdn.length) {
            int n = size * 2;
            msisdn = Arrays.copyOf(msisdn, n);
            subscriber = Arrays.copyOf(subscriber, n);
            strength = Arrays.copyOf(strength, n);
            order = Arrays.copyOf(order, n);
            offNetRanks = Arrays.copyOf(offNetRanks, n);
        }
        msisdn[size] = number;
        subscriber[size] = subscriberId;
        strength[size] = tie;
        size++;
    }

    private void sortByStrength() {
        for (int i = 0; i < size; i++) {
            // Strength is positive, so its bit pattern sorts like the value; invert for descending order.
            // The low bits carry the index, which also breaks ties deterministically.
            // (max_count is at most 5,000, so 16 index bits are enough.)
            long bits = Double.doubleToLongBits(strength[i]) >>> 16;
            order[i] = ((Long.MAX_VALUE >>> 16) - bits) << 16 | i;
        }
        Arrays.sort(order, 0, size);
        if (sortedMsisdn.length < msisdn.length) {
            sortedMsisdn = new long[msisdn.length];
            sortedSubscriber = new int[msisdn.length];
        }
        offNetCount = 0;
        for (int i = 0; i < size; i++) {
            int from = (int) (order[i] & 0xFFFF);
            sortedMsisdn[i] = msisdn[from];
            sortedSubscriber[i] = subscriber[from];
            if (subscriber[from] < 0) {
                offNetRanks[offNetCount++] = i;
            }
        }
        // Swap the sorted arrays in; the old ones become scratch space for the next subscriber.
        long[] m = msisdn;
        msisdn = sortedMsisdn;
        sortedMsisdn = m;
        int[] sub = subscriber;
        subscriber = sortedSubscriber;
        sortedSubscriber = sub;
    }

    public int size() {
        return size;
    }

    /** A contact index drawn by rank: the k-th strongest tie gets weight (k+1)^-exponent. */
    public int pick(SharedStateDiscreteSampler rank) {
        return pickBelow(rank, size);
    }

    /** Index of an off-net contact drawn by rank, or -1 when there is none. */
    public int pickOffNet(SharedStateDiscreteSampler rank) {
        return offNetCount == 0 ? -1 : offNetRanks[pickBelow(rank, offNetCount)];
    }

    private static int pickBelow(SharedStateDiscreteSampler rank, int bound) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int k = rank.sample();
            if (k < bound) {
                return k;
            }
        }
        return rank.sample() % bound;
    }

    public long msisdn(int index) {
        return msisdn[index];
    }

    /** Subscriber id of an on-net contact, or -1. */
    public int subscriber(int index) {
        return subscriber[index];
    }
}
