package org.cdrgen.generate;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.ContactProfile;
import org.cdrgen.config.PopulationProfile;

/**
 * A subscriber's contacts on a day, strongest tie first. On-net ties come from overlapping communities
 * ({@link Communities}): the household (a tie with household_tie_share), two neighbourhood circles (runs of
 * the settlement order, so mostly near home), a workplace (a block of another keyed order), and weak ties
 * (pairings across the whole base that last weak_tie_days). Ties inside a circle or workplace form as in a
 * Chung-Lu graph, with probability proportional to both members' sociability, thinned by both sides'
 * activity factors alike; each is active in a keyed share of intervals (tie_active_share of intervals of
 * about tie_turnover_days), so old ties fade, new ones form, and the number of distinct partners keeps
 * growing over months. Strength is Pareto-tailed (exponent 1.9) times the layer's weight (household >
 * circle > workplace > weak tie), so the strong ties sit where the clustering is (the weak-ties structure).
 * Off-net contacts are of the same kinds (so the strongest ties are on- and off-net alike); work and
 * acquaintance numbers are replaced after keyed intervals.
 *
 * <p>Every tie is a hash of the pair (places in the layer's order, then both holders), so if B is in A's
 * book then A is in B's (reciprocity), and the book is a pure function of (seed, line, holder, day).
 * Bounded at any scale: a line's communities are found from its places in the keyed orders (a Feistel
 * permutation each way, O(1)), a circle or workplace from its block of the order alone (a short hash
 * chain), and only members whose place-level draw and own coin pass become tentative ties: tens of hashes
 * per subscriber-day whatever the base's size, nothing stored per line, the same few kilobytes per worker
 * at 100M lines as at 1,000. A tentative tie's strength comes from the pair's places; whether it is a tie
 * (the other side's holder, coin and activity factor) is decided only when a pick reaches its rank, so
 * the holders of the weaker ties, rarely called, are mostly never looked up; numbers too are found only
 * when called.
 *
 * <p>Ties are between holders: the coins of circle and workplace ties and the household draw include each
 * side's tenure, so a recycled number's new holder draws ties of their own (among the same places, so
 * some of the same people). A weak tie is drawn for the pair of lines and its interval. The old holder's
 * contacts keep calling the number for a while (each for an exponential time of mean
 * old_contact_fade_days after the churn): those calls fail as to an unallocated number during the
 * cool-down and reach the stranger who got the number after it.
 *
 * One instance per worker, rebuilt for each subscriber-day it serves (no allocation once warmed up).
 */
public final class ContactBook {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    /** Layers of on-net ties, and the same kinds off-net (family, friends, work, acquaintance). */
    static final int HOUSEHOLD = 0;
    static final int CIRCLE = 1;
    private static final int WORK = 3;
    private static final int WEAK = 4;
    /** Strength weight per layer (household, circle 0, circle 1, workplace, weak tie): strong ties cluster. */
    private static final double[] WEIGHT = {6.0, 2.0, 2.0, 1.2, 0.5};
    /** Cumulative shares of off-net contacts of each kind: family, friends, work, acquaintances. */
    private static final double[] OFF_NET_KINDS = {0.2, 0.6, 0.8};

    private final long seed;
    private final int population;
    private final ContactProfile profile;
    private final Population people;
    private final OtherParties otherParties;
    private final LineHistory history;
    private final Communities communities;
    private final Settlement settlement;
    /** Old holders' ties are only looked at this long after their churn (exp(-10): none is left). */
    private final double fadeDays;
    private final long ghostHorizonDays;
    private final long[] layerKeys = new long[5];
    /** Place-level draws are scaled by this so that the holder-level thinning leaves the expected ties. */
    private final double thinning;
    private final long weakDays;
    /** Weak pairings pair place p of the settlement order with p XOR a keyed mask below this power of two. */
    private final long weakSpan;
    private final double offNetMean;
    /** Each weak pairing's mask and key on the day last built (consecutive subscribers share the day). */
    private final long[] weakKeys;
    private final long[] weakMasks;
    private long weakDay = Long.MIN_VALUE;

    private static final long UNKNOWN = Long.MIN_VALUE;
    /** Pareto(1.9) quantiles at 4,096 + 1 evenly spaced points (interpolated between): no pow per tie. */
    private static final double[] PARETO = new double[4097];

    static {
        for (int i = 0; i < PARETO.length; i++) {
            double tail = Math.max(1.0 - i / 4096.0, 0.5 / 4096 / 4096);
            PARETO[i] = Math.pow(tail, -1.0 / 1.9);
        }
    }

    private int size;
    /** Where an off-net contact's number comes from (a hash for OtherParties); unused for on-net ones. */
    private long[] source = new long[64];
    /** The MSISDN of each contact, found when first asked for (most contacts are not called on a day). */
    private long[] msisdn = new long[64];
    /** Subscriber id of an on-net contact, -1 for off-net. */
    private int[] subscriber = new int[64];
    private double[] strength = new double[64];
    /** Of a tentative on-net tie: its layer and the pair's place-level hash. */
    private byte[] layerOf = new byte[64];
    private long[] pairOf = new long[64];
    private byte[] sortedLayer = new byte[64];
    private long[] sortedPair = new long[64];
    /** The contacts in rank order: indexes of the entries verified to be ties, the first {@code real}. */
    private int[] contacts = new int[64];
    private int real;
    private int verified;
    private long[] order = new long[64];
    private long[] sortedSource = new long[64];
    private int[] sortedSubscriber = new int[64];
    private int[] offNetRanks = new int[64];
    private int offNetCount;

    /** The subscriber-day being built. */
    private int self;
    private int selfTenure;
    private long selfStart;
    private double selfFactor;
    private long day;

    public ContactBook(long seed, Population people, OtherParties otherParties, ContactProfile profile,
            PopulationProfile populationProfile) {
        this.seed = seed;
        this.population = people.size();
        this.profile = profile;
        this.people = people;
        this.otherParties = otherParties;
        this.history = people.history();
        this.communities = new Communities(seed, population, profile, populationProfile, history);
        this.settlement = communities.settlement;
        this.fadeDays = people.lifecycle().oldContactFadeDays();
        this.ghostHorizonDays = (long) Math.ceil(10 * fadeDays);
        for (int layer = 0; layer < layerKeys.length; layer++) {
            layerKeys[layer] = Seeds.hash(seed, layer, 1, Seeds.Purpose.TIE);
        }
        double g = communities.meanActivityFactor();
        this.thinning = 1 / (g * g * profile.tieActiveShare());
        this.weakDays = Math.max(1, Math.round(profile.weakTieDays()));
        this.weakSpan = Long.highestOneBit(Math.max(1, population - 1)) << 1;
        this.offNetMean = profile.meanCount() * (1 - profile.onNetShare()) / g;
        this.weakKeys = new long[profile.weakTies()];
        this.weakMasks = new long[profile.weakTies()];
    }

    /** The contacts of a line's holder on a day (one with a holder that day). */
    public void build(int id, long personId, long epochDay) {
        LineHistory.LineHolder me = history.holderOn(id, epochDay);
        build(id, personId, me.tenure(), me.start(), epochDay);
    }

    /** The same, for a holder whose tenure and first day the caller knows (a chunk's subscribers). */
    public void build(int id, long personId, int tenure, long tenureStart, long epochDay) {
        size = 0;
        self = id;
        day = epochDay;
        selfTenure = tenure;
        selfStart = tenureStart;
        selfFactor = communities.activityFactor(personId);
        int position = settlement.position(id);
        household(position);
        double sociability = communities.sociability(0, position);
        for (int tiling = 0; tiling < 2; tiling++) {
            long span = communities.circle(position, tiling);
            community(CIRCLE + tiling, 0, position, (int) (span >>> 32), (int) span, sociability,
                    profile.circleTies());
        }
        int workPlace = (int) communities.work.permute(id);
        long span = communities.workplace(workPlace);
        community(WORK, 1, workPlace, (int) (span >>> 32), (int) span, communities.sociability(1, workPlace),
                profile.workplaceTies());
        weakTies(position);
        int before = size;
        offNet(personId, sociability);
        if (size == before) {
            // Everyone has someone to call: a lone off-net number.
            add(Seeds.hash(seed, personId, 2, Seeds.Purpose.CONTACTS), -1, 1.0);
            layerOf[size - 1] = WEAK;
        }
        sortByStrength();
    }

    /** The other lines of the household: tied with household_tie_share. */
    private void household(int position) {
        long span = settlement.householdSpan(position);
        int start = (int) (span >>> 32);
        int end = start + (int) span;
        for (int p = start; p < end; p++) {
            if (p != position) {
                tentative(HOUSEHOLD, settlement.line(p), Communities.placePair(layerKeys[HOUSEHOLD], position, p));
            }
        }
    }

    /**
     * The members of a circle or workplace, places [start, end) of an order: a place-level draw (Chung-Lu on
     * both sociabilities, scaled up by the thinning to come) and the tie's active interval decide who is
     * looked up; the holder-level draw then thins by both activity factors.
     */
    private void community(int layer, int orderIndex, int place, int start, int end, double sociability,
            double ties) {
        int members = end - start;
        if (members < 2 || ties <= 0) {
            return;
        }
        double scale = ties * sociability * thinning / (members - 1);
        long key = layerKeys[layer];
        for (int p = start; p < end; p++) {
            if (p == place) {
                continue;
            }
            long h = Communities.placePair(key, place, p);
            if (Seeds.unit(h) < scale * communities.sociability(orderIndex, p) && activeToday(h)
                    && coin(h, self, selfTenure) < selfFactor) {
                int line = orderIndex == 0 ? settlement.line(p) : (int) communities.work.inverse(p);
                tentative(layer, line, h);
            }
        }
    }

    /** Whether a tie is in one of its active intervals today: keyed length (0.5-1.5 x the mean) and phase. */
    private boolean activeToday(long pairHash) {
        if (profile.tieActiveShare() >= 1) {
            return true;
        }
        long a = Seeds.mix(pairHash ^ 0x632be59bd9b4e019L);
        long length = Math.max(1, Math.round(profile.tieTurnoverDays() * (0.5 + Seeds.unit(a))));
        long b = Seeds.mix(a);
        long epoch = Math.floorDiv(day + Long.remainderUnsigned(b, length), length);
        return Seeds.unit(Seeds.mix(b ^ epoch * GOLDEN)) < profile.tieActiveShare();
    }

    /**
     * Weak ties: each pairing matches place p of the settlement order with p XOR a mask keyed by the pairing
     * and its interval (an involution, so the partner's partner is p; the high bits of the mask put the
     * partner anywhere in the country). A pair becomes a tie with the product of both activity factors, drawn
     * for the pair of lines and the interval; slots start their intervals in turn.
     */
    private void weakTies(int position) {
        int slots = weakKeys.length;
        if (day != weakDay) {
            for (int slot = 0; slot < slots; slot++) {
                long epoch = Math.floorDiv(day + slot * weakDays / slots, weakDays);
                weakKeys[slot] = Seeds.hash(seed, slot, epoch, Seeds.Purpose.TIE);
                weakMasks[slot] = 1 + Long.remainderUnsigned(weakKeys[slot], weakSpan - 1);
            }
            weakDay = day;
        }
        for (int slot = 0; slot < slots; slot++) {
            long key = weakKeys[slot];
            long partner = position ^ weakMasks[slot];
            if (partner >= population) {
                continue;
            }
            long pair = Communities.placePair(key, position, (int) partner);
            double u = Seeds.unit(pair);
            if (u < selfFactor) {
                tentative(WEAK, settlement.line((int) partner), pair);
            }
        }
    }

    /**
     * A possible tie to {@code line}'s holder (or, for a recent past holder, an old tie still remembered). A
     * household tie is the holder-level draw of the pair under household_tie_share; a circle or workplace tie
     * (whose place-level draw and this side's coin have passed) needs the other side's coin under its
     * activity factor. Each side's coin is keyed by the pair's places and that side's holder, so either side
     * draws both alike, and a new holder draws coins of their own.
     */
    private boolean verify(int layer, int line, long placePair) {
        LineHistory.LineHolder other = history.holderOn(line, day);
        if (layer >= WEAK) {
            return other.active() && Seeds.unit(placePair) < selfFactor * communities.activityFactor(other.personId());
        }
        boolean thinned = layer != HOUSEHOLD;
        long key = layerKeys[layer];
        if (other.active()) {
            if (accepts(key, line, other.tenure(), other.personId(), placePair, thinned)) {
                return true;
            }
            return other.tenure() > 0 && day - other.previousEnd() < ghostHorizonDays
                    && oldTie(key, line, other.tenure() - 1, other.previousEnd(), placePair, thinned);
        }
        // In the cool-down after its last holder.
        return other.start() < 0 && day - other.end() < ghostHorizonDays
                && oldTie(key, line, other.tenure(), other.end(), placePair, thinned);
    }

    private boolean accepts(long key, int line, int tenure, long personId, long placePair, boolean thinned) {
        return thinned ? coin(placePair, line, tenure) < communities.activityFactor(personId)
                : Seeds.unit(holderPair(key, line, tenure)) < profile.householdTieShare();
    }

    /** One side's coin of a circle or workplace tie: keyed by the pair's places and that side's holder. */
    private static double coin(long placePair, int line, int tenure) {
        return Seeds.unit(Seeds.mix(placePair + line * 0x9e3779b97f4a7c15L + (tenure + 1L) * 0x165667b19e3779f9L));
    }

    /**
     * Whether this holder still calls {@code line}'s number for its past holder: they were tied while both held
     * their lines, and this holder's own time to forget (an exponential draw per tie) has not run out.
     */
    private boolean oldTie(long key, int line, int tenure, long churnDay, long placePair, boolean thinned) {
        if (selfStart >= churnDay || !accepts(key, line, tenure, LineHistory.personId(line, tenure), placePair, thinned)) {
            return false;
        }
        long pair = holderPair(key, line, tenure);
        double remembersDays = -fadeDays * Math.log1p(-Seeds.unit(Seeds.mix(pair ^ 0x632be59bd9b4e019L)));
        return day - churnDay < remembersDays;
    }

    /** The hash of this holder and another (line, tenure), lower line first, so both sides draw the same. */
    private long holderPair(long key, int line, int tenure) {
        return self < line ? pairHash(key, self, selfTenure, line, tenure) : pairHash(key, line, tenure, self, selfTenure);
    }

    private static long pairHash(long key, int lowLine, int lowTenure, int highLine, int highTenure) {
        return Seeds.mix(key + (long) lowLine * 0x9e3779b97f4a7c15L + (long) highLine * 0xc2b2ae3d27d4eb4fL
                + (long) lowTenure * 0x165667b19e3779f9L + (long) highTenure * 0x27d4eb2f165667c5L);
    }

    /**
     * A possible on-net tie, its strength from the pair's places: whether it is one (the other side's holder,
     * coin and activity, or an old tie still remembered) is only decided when a pick reaches its rank, as
     * most of a book is never called on a day; a line met in two layers counts once, at its strongest.
     */
    private void tentative(int layer, int line, long placePair) {
        if (size < profile.maxCount()) {
            add(0, line, tieStrength(layer, placePair));
            layerOf[size - 1] = (byte) layer;
            pairOf[size - 1] = placePair;
        }
    }

    /**
     * Off-net contacts: as many as the pool's off-net part (by sociability and activity), each of a kind of
     * tie like the on-net ones (family, friends, work, acquaintance: strength weights as the layers'), so the
     * strongest ties are on- and off-net alike. Work and acquaintance numbers are replaced by new ones after
     * keyed intervals (ties that come and go); family and friends stay.
     */
    private void offNet(long personId, double sociability) {
        int count = (int) Math.round(Math.min(profile.maxCount(), offNetMean * sociability * selfFactor));
        long h = Seeds.hash(seed, personId, 1, Seeds.Purpose.CONTACTS);
        for (int k = 0; k < count && size < profile.maxCount(); k++) {
            h = Seeds.mix(h);
            long number = h;
            long kind = Seeds.mix(h ^ 0x5851f42d4c957f2dL);
            double u = Seeds.unit(kind);
            int layer = u < OFF_NET_KINDS[0] ? HOUSEHOLD : u < OFF_NET_KINDS[1] ? CIRCLE : u < OFF_NET_KINDS[2] ? WORK : WEAK;
            if (layer >= WORK) {
                long length = Math.max(1, Math.round((layer == WORK ? profile.tieTurnoverDays() : weakDays)
                        * (0.5 + Seeds.unit(Seeds.mix(kind)))));
                long epoch = Math.floorDiv(day + Long.remainderUnsigned(kind >>> 1, length), length);
                number = Seeds.mix(h + epoch * GOLDEN);
            }
            add(number, -1, tieStrength(layer, h ^ 0x2545F4914F6CDD1DL));
            layerOf[size - 1] = (byte) layer;
        }
    }

    private static double tieStrength(int layer, long pair) {
        return WEIGHT[layer] * tieStrength(Seeds.mix(pair));
    }

    /** Pareto-tailed tie strength (exponent near the published tie-weight tail, about 1.9). */
    private static double tieStrength(long hash) {
        int i = (int) (hash >>> 52);
        double fraction = ((hash >>> 28) & 0xFFFFFF) * 0x1.0p-24;
        return PARETO[i] + fraction * (PARETO[i + 1] - PARETO[i]);
    }

    private void add(long from, int subscriberId, double tie) {
        if (size == source.length) {
            int n = size * 2;
            source = Arrays.copyOf(source, n);
            msisdn = Arrays.copyOf(msisdn, n);
            subscriber = Arrays.copyOf(subscriber, n);
            strength = Arrays.copyOf(strength, n);
            layerOf = Arrays.copyOf(layerOf, n);
            pairOf = Arrays.copyOf(pairOf, n);
            contacts = Arrays.copyOf(contacts, n);
            order = Arrays.copyOf(order, n);
            offNetRanks = Arrays.copyOf(offNetRanks, n);
        }
        source[size] = from;
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
        SmallSort.sort(order, 0, size);
        if (sortedSource.length < source.length) {
            sortedSource = new long[source.length];
            sortedSubscriber = new int[source.length];
            sortedLayer = new byte[source.length];
            sortedPair = new long[source.length];
        }
        offNetCount = 0;
        for (int i = 0; i < size; i++) {
            int from = (int) (order[i] & 0xFFFF);
            sortedSource[i] = source[from];
            sortedSubscriber[i] = subscriber[from];
            sortedLayer[i] = layerOf[from];
            sortedPair[i] = pairOf[from];
            if (subscriber[from] < 0) {
                offNetRanks[offNetCount++] = i;
            }
        }
        Arrays.fill(msisdn, 0, size, UNKNOWN);
        // Swap the sorted arrays in; the old ones become scratch space for the next subscriber.
        long[] m = source;
        source = sortedSource;
        sortedSource = m;
        int[] sub = subscriber;
        subscriber = sortedSubscriber;
        sortedSubscriber = sub;
        byte[] l = layerOf;
        layerOf = sortedLayer;
        sortedLayer = l;
        long[] p = pairOf;
        pairOf = sortedPair;
        sortedPair = p;
        real = 0;
        verified = 0;
    }

    /** Verifies entries in rank order until the book has more than {@code rank} contacts or none is left. */
    private boolean reach(int rank) {
        while (real <= rank && verified < size) {
            int i = verified++;
            int line = subscriber[i];
            if (line < 0 || verify(layerOf[i], line, pairOf[i]) && !already(line)) {
                contacts[real++] = i;
            }
        }
        return real > rank;
    }

    private boolean already(int line) {
        for (int r = 0; r < real; r++) {
            if (subscriber[contacts[r]] == line) {
                return true;
            }
        }
        return false;
    }

    /** How many contacts (verifies the whole book: for tests and tools; generation only reaches the ranks it picks). */
    public int size() {
        reach(Integer.MAX_VALUE - 1);
        return real;
    }

    /** The entry index of the contact of a rank (0 the strongest), for {@link #msisdn} and {@link #subscriber}. */
    public int contact(int rank) {
        reach(rank);
        return contacts[rank];
    }

    /** Whether the book has a contact of this rank (0 the strongest). */
    boolean hasRank(int rank) {
        return reach(rank);
    }

    /** The kind of tie of a contact: its layer on-net ({@link #HOUSEHOLD}, {@link #CIRCLE}, ...), its kind off-net. */
    int layer(int index) {
        return layerOf[index];
    }

    /** A contact's entry index drawn by rank: the k-th strongest tie gets weight (k+1)^-exponent. */
    public int pick(SharedStateDiscreteSampler rank) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int k = rank.sample();
            if (reach(k)) {
                return contacts[k];
            }
        }
        return contacts[rank.sample() % size()];
    }

    /** Entry index of an off-net contact drawn by rank, or -1 when there is none. */
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
        long number = msisdn[index];
        if (number == UNKNOWN) {
            int line = subscriber[index];
            number = line >= 0 ? people.msisdnOf(line) : otherParties.number(source[index]);
            msisdn[index] = number;
        }
        return number;
    }

    /** Subscriber id of an on-net contact, or -1. */
    public int subscriber(int index) {
        return subscriber[index];
    }
}
