package org.cdrgen.generate;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.ContactProfile;

/**
 * A subscriber's contacts, strongest tie first. On-net ties come from a symmetric rule: whether A and B are
 * linked, and how strongly, is a hash of the unordered pair, so if B is in A's book then A is in B's
 * (reciprocity) and either side can be generated alone. Each subscriber's wish for contacts is heavy-tailed
 * (log-normal); a tie between two candidates of the same community forms with probability proportional to
 * both wishes (a Chung-Lu graph). Off-net contacts are other parties of the profile's mix (other operators'
 * mobiles, fixed lines, numbers abroad, short codes, service and shared business numbers).
 *
 * <p>Ties are between holders, not lines: the pair hash includes both sides' holder (tenure), so a recycled
 * number's new subscriber has contacts of their own. The old holder's contacts keep calling the number for a
 * while (each for an exponential time of mean old_contact_fade_days after the churn): those calls fail as to
 * an unallocated number during the cool-down and reach the stranger who got the number after it.
 *
 * One instance per worker, rebuilt for each subscriber it serves (no allocation once warmed up).
 */
public final class ContactBook {
    private final long seed;
    private final int population;
    private final ContactProfile profile;
    private final Population people;
    private final OtherParties otherParties;
    private final double meanOnNetWish;
    private final LineHistory history;
    /** Old holders' ties are only looked at this long after their churn (exp(-10): none is left). */
    private final double fadeDays;
    private final long ghostHorizonDays;

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

    /** Cached wishes of the community last used (on a day): consecutive subscribers share a community. */
    private int cachedCommunityStart = -1;
    private long cachedCommunityDay = Long.MIN_VALUE;
    /** Per member on the day: the holder's on-net wish (0 without a holder), tenure and first day. */
    private double[] communityWish;
    private int[] holderTenure;
    private long[] holderStart;
    /** Per member: a recent past holder whose old contacts may still call (tenure -1 if none), and its churn day. */
    private int[] ghostTenure;
    private double[] ghostWish;
    private long[] ghostEnd;
    /** The members with such a past holder, this community and day. */
    private int[] ghostMembers;
    /** The community's MSISDNs, numbered once per community rather than once per tie (a permutation each). */
    private long[] communityMsisdn;
    /** Per community member: the members it is tied to (offsets from the community start) and how strongly. */
    private int[][] memberTies = new int[0][];
    private double[][] memberTieStrength = new double[0][];
    private int[] memberTieCount = new int[0];

    public ContactBook(long seed, Population people, OtherParties otherParties, ContactProfile profile) {
        this.seed = seed;
        this.population = people.size();
        this.profile = profile;
        this.people = people;
        this.otherParties = otherParties;
        this.meanOnNetWish = profile.meanCount() * profile.onNetShare();
        this.history = people.history();
        this.fadeDays = people.lifecycle().oldContactFadeDays();
        this.ghostHorizonDays = (long) Math.ceil(10 * fadeDays);
        int c = profile.communitySize();
        this.communityWish = new double[c];
        this.communityMsisdn = new long[c];
        this.holderTenure = new int[c];
        this.holderStart = new long[c];
        this.ghostTenure = new int[c];
        this.ghostWish = new double[c];
        this.ghostEnd = new long[c];
        this.ghostMembers = new int[c];
    }

    /** The pool wish back from a cached on-net wish (the same value, without recomputing it). */
    private double poolWish(long personId, double onNetWish) {
        return profile.onNetShare() > 0 ? onNetWish / profile.onNetShare() : poolWish(personId);
    }

    /** How many contacts a holder would like, before ties are drawn: a pure function of the holder. */
    private double poolWish(long personId) {
        double u = Seeds.unit(Seeds.hash(seed, personId, 0, Seeds.Purpose.CONTACTS));
        return Math.min(profile.maxCount(), Quantiles.logNormalWithMean(u, profile.meanCount(), profile.countSigma()));
    }

    /** The contacts of a line's holder on a day (one with a holder that day). */
    public void build(int id, long personId, long epochDay) {
        size = 0;
        int c = profile.communitySize();
        int start = id / c * c;
        if (start != cachedCommunityStart || epochDay != cachedCommunityDay) {
            loadCommunity(start, (int) Math.min((long) start + c, population), epochDay);
        }
        int member = id - start;
        double own = communityWish[member];
        int[] ties = memberTies[member];
        double[] strengths = memberTieStrength[member];
        for (int t = 0; t < memberTieCount[member] && size < profile.maxCount(); t++) {
            int other = start + ties[t];
            add(communityMsisdn[ties[t]], other, strengths[t]);
        }
        int offNet = (int) Math.round(poolWish(personId, own) * (1 - profile.onNetShare()));
        long h = Seeds.hash(seed, personId, 1, Seeds.Purpose.CONTACTS);
        for (int k = 0; k < offNet && size < profile.maxCount(); k++) {
            h = Seeds.mix(h);
            add(otherParties.number(h), -1, tieStrength(Seeds.mix(h ^ 0x2545F4914F6CDD1DL)));
        }
        if (size == 0) {
            // Everyone has someone to call: a lone off-net number.
            add(otherParties.number(Seeds.mix(h + 1)), -1, 1.0);
        }
        sortByStrength();
    }

    /**
     * Draws every tie of a community on a day at once: each unordered pair of holders is hashed once and, if
     * tied, lands in both members' lists (in ascending order of the other member), which halves the hashing
     * compared with drawing each member's ties on their own, and gives the same ties.
     */
    private void loadCommunity(int start, int end, long epochDay) {
        int n = end - start;
        if (memberTies.length < n) {
            memberTies = new int[n][8];
            memberTieStrength = new double[n][8];
            memberTieCount = new int[n];
        }
        int ghosts = 0;
        for (int m = 0; m < n; m++) {
            loadMember(m, start + m, epochDay);
            if (ghostTenure[m] >= 0) {
                ghostMembers[ghosts++] = m;
            }
        }
        // Normalised so that the expected on-net degree is close to one's own wish.
        double norm = meanOnNetWish * n;
        long communitySeed = Seeds.hash(seed, start, 0, Seeds.Purpose.TIE);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (communityWish[a] > 0 && communityWish[b] > 0) {
                    long pair = pairHash(communitySeed, start + a, holderTenure[a], start + b, holderTenure[b]);
                    if (Seeds.unit(pair) * norm < communityWish[a] * communityWish[b]) {
                        double strength = tieStrength(Seeds.mix(pair));
                        addTie(a, b, strength);
                        addTie(b, a, strength);
                    }
                }
            }
        }
        // Old holders' ties, a few members' worth: each caller still calling a past holder's number.
        for (int g = 0; g < ghosts; g++) {
            int b = ghostMembers[g];
            for (int a = 0; a < n; a++) {
                if (a != b && !currentlyTied(communitySeed, norm, start, a, b)) {
                    oldTie(communitySeed, norm, start, a, b, epochDay);
                }
            }
        }
        cachedCommunityStart = start;
        cachedCommunityDay = epochDay;
    }

    /** Whether the holders of members a and b are tied now (then a calls b's number for the present holder). */
    private boolean currentlyTied(long communitySeed, double norm, int start, int a, int b) {
        if (communityWish[a] <= 0 || communityWish[b] <= 0) {
            return false;
        }
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        long pair = pairHash(communitySeed, start + low, holderTenure[low], start + high, holderTenure[high]);
        return Seeds.unit(pair) * norm < communityWish[a] * communityWish[b];
    }

    /** A member's holder on the day, and a recent past holder whose contacts may still call the number. */
    private void loadMember(int m, int line, long epochDay) {
        LineHistory.LineHolder holder = history.holderOn(line, epochDay);
        communityMsisdn[m] = people.msisdnOf(line);
        memberTieCount[m] = 0;
        ghostTenure[m] = -1;
        if (holder.active()) {
            communityWish[m] = poolWish(holder.personId()) * profile.onNetShare();
            holderTenure[m] = holder.tenure();
            holderStart[m] = holder.start();
            if (holder.tenure() > 0 && epochDay - holder.previousEnd() < ghostHorizonDays) {
                setGhost(m, line, holder.tenure() - 1, holder.previousEnd());
            }
        } else {
            communityWish[m] = 0;
            holderTenure[m] = -1;
            holderStart[m] = LineHistory.NEVER;
            if (holder.start() < 0 && epochDay - holder.end() < ghostHorizonDays) {
                setGhost(m, line, holder.tenure(), holder.end()); // in the cool-down after its last holder
            }
        }
    }

    private void setGhost(int m, int line, int tenure, long churnDay) {
        ghostTenure[m] = tenure;
        ghostEnd[m] = churnDay;
        ghostWish[m] = poolWish(LineHistory.personId(line, tenure)) * profile.onNetShare();
    }

    /**
     * Whether member {@code a}'s holder still calls {@code b}'s number for b's past holder: they were tied
     * while both held their lines, and a's own time to forget (an exponential draw per tie) has not run out.
     */
    private void oldTie(long communitySeed, double norm, int start, int a, int b, long epochDay) {
        if (ghostTenure[b] < 0 || communityWish[a] <= 0 || holderStart[a] >= ghostEnd[b]) {
            return;
        }
        long pair = a < b
                ? pairHash(communitySeed, start + a, holderTenure[a], start + b, ghostTenure[b])
                : pairHash(communitySeed, start + b, ghostTenure[b], start + a, holderTenure[a]);
        if (Seeds.unit(pair) * norm >= communityWish[a] * ghostWish[b]) {
            return;
        }
        double remembersDays = -fadeDays * Math.log1p(-Seeds.unit(Seeds.mix(pair ^ 0x632be59bd9b4e019L)));
        if (epochDay - ghostEnd[b] < remembersDays) {
            addTie(a, b, tieStrength(Seeds.mix(pair)));
        }
    }

    /** The hash of a pair of holders (line, tenure), lower line first; the first holders' as before recycling. */
    private static long pairHash(long communitySeed, int lowLine, int lowTenure, int highLine, int highTenure) {
        return Seeds.mix(communitySeed + (long) lowLine * 0x9e3779b97f4a7c15L + (long) highLine * 0xc2b2ae3d27d4eb4fL
                + (long) lowTenure * 0x165667b19e3779f9L + (long) highTenure * 0x27d4eb2f165667c5L);
    }

    private void addTie(int member, int other, double strength) {
        int count = memberTieCount[member];
        if (count == memberTies[member].length) {
            memberTies[member] = Arrays.copyOf(memberTies[member], count * 2);
            memberTieStrength[member] = Arrays.copyOf(memberTieStrength[member], count * 2);
        }
        memberTies[member][count] = other;
        memberTieStrength[member][count] = strength;
        memberTieCount[member] = count + 1;
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
        SmallSort.sort(order, 0, size);
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
