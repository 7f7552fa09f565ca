package org.cdrgen.generate;

import org.cdrgen.config.LifecycleProfile;
import org.cdrgen.config.PopulationProfile;
import org.cdrgen.model.VersionChange;

/**
 * The calendar of each line (slot) of the base, as a pure function of (seed, line): its first activation, and
 * then holder after holder. A holder keeps the line for an exponential lifetime (the plan's churn hazard),
 * changes phone and SIM at their own daily hazards, and churns; the number then rests for the quarantine plus
 * an exponential reissue wait and goes to the next holder, a new person with new streams. Every answer is a
 * walk from the line's first activation (a few steps: holders last years, phones about two), so any worker
 * finds any line's state on any day alone, whatever the run's dates.
 */
final class LineHistory {
    /** The end of what never ends (beyond any calendar a run can ask for, and safe to add to). */
    static final long NEVER = Long.MAX_VALUE / 4;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final long seed;
    private final long baseCompleteEpochDay;
    private final int maxActivationAgeDays;
    private final LifecycleProfile life;
    private final double prepaidShare;
    private final double prepaidDrawShare;
    private final double phoneLogKeep;
    private final double simLogKeep;

    LineHistory(long seed, PopulationProfile profile) {
        this.seed = seed;
        this.baseCompleteEpochDay = profile.baseCompleteEpochDay();
        this.maxActivationAgeDays = profile.maxActivationAgeDays();
        this.life = profile.lifecycle();
        this.prepaidShare = profile.prepaidShare();
        this.prepaidDrawShare = prepaidDrawShare(prepaidShare, life);
        this.phoneLogKeep = Math.log1p(-profile.deviceSwapDailyProbability());
        this.simLogKeep = Math.log1p(-life.simChangePerYear() / 365.25);
    }

    /**
     * prepaid_share is the share among the lines' holders on a day. Prepaid holders churn sooner, so a line
     * spends less time with each: holders after the first are drawn prepaid more often, by the ratio of the
     * hazards (the renewal balance p' T_pre / (p' T_pre + (1 - p') T_post) = p, with T = 1 / hazard). A line's
     * first holder is drawn with p itself: lifetimes are exponential (memoryless), so a line then starts as
     * if it had always been in that balance, and the share stays near p on every day.
     */
    static double prepaidDrawShare(double share, LifecycleProfile life) {
        double pre = life.prepaidChurnPerYear();
        double post = life.postpaidChurnPerYear();
        if (pre <= 0 || post <= 0 || share <= 0 || share >= 1) {
            return share;
        }
        return share * pre / ((1 - share) * post + share * pre);
    }

    /** The key of a holder's own streams: the line itself for its first holder. */
    static long personId(int line, int tenure) {
        return (long) tenure << 32 | line;
    }

    /** The identity hash of a holder: plan, activity, tastes and the first activation derive from it. */
    long identityHash(long personId) {
        return Seeds.hash(seed, personId, 0, Seeds.Purpose.IDENTITY);
    }

    boolean prepaid(long personId) {
        return prepaid(personId, identityHash(personId));
    }

    private boolean prepaid(long personId, long identityHash) {
        boolean firstHolder = personId >>> 32 == 0;
        return Seeds.unit(identityHash) < (firstHolder ? prepaidShare : prepaidDrawShare);
    }

    long firstActivation(int line) {
        return firstActivation(identityHash(line));
    }

    /** From the line's first holder's identity hash (the line's own), which the walks need again at once. */
    private long firstActivation(long firstIdentityHash) {
        long h = Seeds.mix(Seeds.mix(Seeds.mix(firstIdentityHash)));
        return baseCompleteEpochDay - 1 - Long.remainderUnsigned(h, maxActivationAgeDays);
    }

    /** The first day without the holder who started on {@code start}: the churn day, or NEVER. */
    private long tenureEnd(long start, long personId) {
        return tenureEnd(start, personId, identityHash(personId));
    }

    private long tenureEnd(long start, long personId, long identityHash) {
        double hazard = life.churnPerDay(prepaid(personId, identityHash));
        if (hazard <= 0) {
            return NEVER;
        }
        double u = Seeds.unit(Seeds.hash(seed, personId, 0, Seeds.Purpose.LIFECYCLE));
        return start + 1 + (long) Math.min(NEVER / 2, exponentialDays(u, 1 / hazard, hazard));
    }

    /**
     * floor(-log1p(-u) / rate), or floor(-log1p(-u) * mean) when rate is 0, exactly as before, but by
     * Math.log(1 - u) (an intrinsic; log1p is a native call several times slower, and contacts look up
     * holders often) whenever that cannot change the floor: 1 - u is exact for u a multiple of 2^-53, both
     * logs are within 1 ulp, so they differ far less than the margin kept from a whole day.
     */
    static double exponentialDays(double u, double mean, double rate) {
        double fast = rate > 0 ? -Math.log(1 - u) / rate : -Math.log(1 - u) * mean;
        double days = Math.floor(fast);
        double margin = 1e-9 * Math.max(1, fast);
        if (fast - days > margin && days + 1 - fast > margin) {
            return days;
        }
        return Math.floor(rate > 0 ? -Math.log1p(-u) / rate : -Math.log1p(-u) * mean);
    }

    /** Days a churned number rests before its next holder's first day. */
    private long coolDown(long personId) {
        double u = Seeds.unit(Seeds.hash(seed, personId, 1, Seeds.Purpose.LIFECYCLE));
        return life.msisdnQuarantineDays() + (long) exponentialDays(u, life.msisdnReissueMeanDays(), 0);
    }

    /**
     * Who holds the line on a day: the holder's tenure, or, when the line has none that day, the last
     * holder (tenure 0 before the first activation) with {@link LineHolder#active()} false.
     */
    LineHolder holderOn(int line, long epochDay) {
        long firstIdentity = identityHash(line);
        long start = firstActivation(firstIdentity);
        long previousEnd = Long.MIN_VALUE;
        for (int tenure = 0; ; tenure++) {
            long person = personId(line, tenure);
            long end = tenureEnd(start, person, tenure == 0 ? firstIdentity : identityHash(person));
            if (epochDay < end) {
                if (epochDay >= start || tenure == 0) {
                    return new LineHolder(tenure, person, start, end, previousEnd, epochDay >= start);
                }
                // In the cool-down after the previous holder: no holder.
                return new LineHolder(tenure - 1, personId(line, tenure - 1), -1, previousEnd, Long.MIN_VALUE, false);
            }
            previousEnd = end;
            start = end + coolDown(person);
            if (epochDay < start) {
                return new LineHolder(tenure, person, -1, end, Long.MIN_VALUE, false);
            }
        }
    }

    /** What a caller sees of a line on a day. {@code start} is -1 for a past holder looked up in a cool-down. */
    record LineHolder(int tenure, long personId, long start, long end, long previousEnd, boolean active) {
    }

    /**
     * The version valid on a day, or null when the line has no holder that day. Its end ({@code validTo},
     * {@code ended}, {@code tenureEnd}) is the true one, even beyond the day: the model may know the future.
     */
    LineVersion versionOn(int line, long epochDay) {
        LineVersion[] found = new LineVersion[1];
        walk(line, epochDay, epochDay, true, v -> found[0] = v);
        return found[0];
    }

    /**
     * Every version that is valid on some day of [from, to], in time order. A version still valid after
     * {@code to} has no end yet ({@code ended} null): what the last day knows, not the future.
     */
    void versions(int line, long from, long to, java.util.function.Consumer<LineVersion> out) {
        walk(line, from, to, false, out);
    }

    /** @param future whether a version valid after {@code to} gets its true end, or none (what {@code to} knows) */
    private void walk(int line, long from, long to, boolean future, java.util.function.Consumer<LineVersion> out) {
        Chain phones = new Chain(phoneLogKeep);
        Chain sims = new Chain(simLogKeep);
        long start = firstActivation(line);
        int phone = 0;
        int sim = 0;
        for (int tenure = 0; start <= to; tenure++) {
            long person = personId(line, tenure);
            long end = tenureEnd(start, person);
            phones.start(Seeds.hash(seed, person, 0, Seeds.Purpose.DEVICE), start);
            sims.start(Seeds.hash(seed, person, 0, Seeds.Purpose.SIM), start);
            long validFrom = start;
            VersionChange began = VersionChange.ACTIVATION;
            while (true) {
                long change = Math.min(end, Math.min(phones.next, sims.next));
                boolean newPhone = phones.next == change && change < end;
                boolean newSim = sims.next == change && change < end;
                VersionChange ended = change == end ? VersionChange.CHURN : reason(newPhone, newSim);
                if (change > from && validFrom <= to) {
                    boolean known = future || change <= to;
                    out.accept(new LineVersion(line, tenure, person, start, known ? end : NEVER, validFrom,
                            known ? change : NEVER, sim, phone, began, known ? ended : null));
                }
                if (change >= end || change > to) {
                    break;
                }
                if (newPhone) {
                    phone++;
                    phones.advance();
                }
                if (newSim) {
                    sim++;
                    sims.advance();
                }
                validFrom = change;
                began = ended;
            }
            if (end >= NEVER || end > to) {
                return;
            }
            // The next holder comes with a phone and a SIM of their own.
            phone++;
            sim++;
            start = end + coolDown(person);
        }
    }

    private static VersionChange reason(boolean newPhone, boolean newSim) {
        return newPhone && newSim ? VersionChange.PHONE_AND_SIM_CHANGE
                : newPhone ? VersionChange.PHONE_CHANGE : VersionChange.SIM_CHANGE;
    }

    /** Days of a holder's phone (or SIM) changes: geometric gaps from a hash chain, by inversion. */
    private static final class Chain {
        private final double logKeep;
        private long hash;
        long next;

        Chain(double logKeep) {
            this.logKeep = logKeep;
        }

        void start(long key, long from) {
            hash = key;
            next = from;
            advance();
        }

        void advance() {
            if (logKeep == 0) {
                next = NEVER;
                return;
            }
            hash = Seeds.mix(hash + GOLDEN);
            double u = 1 - Seeds.unit(hash);
            next = Math.min(NEVER, next + 1 + (long) Math.min(NEVER / 2, Math.floor(Math.log(u) / logKeep)));
        }
    }
}
