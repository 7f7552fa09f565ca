package org.cdrgen.generate;

import org.cdrgen.config.RhythmProfile;

/**
 * Calls with a rhythm: some holders call a partner on most days, in an evening hour of their own, and some
 * call a parent once a week, on a weekday and at an hour of their own. A holder's traits are a hash of (seed,
 * holder), a day's draws a hash of (seed, holder, date): a few hashes per subscriber-day, nothing stored per
 * line, and any worker plans any day alike.
 *
 * <p>These calls take the place of ordinary ones: the day's ordinary calls are scaled down by the rhythm's
 * expected calls, so a subscriber makes as many calls a day as before (and light callers, whose few calls
 * could not all be rituals, get rituals of at most max_call_share of their calls). Who the partner or parent
 * is comes from the day's contact book, looked up only when a ritual call is made; a holder without one in
 * their strongest ties makes an ordinary call instead, so the mean stays put either way.
 *
 * One instance per generator; {@link #plan} points it at a subscriber-day.
 */
final class CallRhythm {
    /** How far down the book a partner or parent is looked for: family ties are among the strongest. */
    private static final int SEARCH_RANKS = 8;
    /** A holder's own probabilities are the profile's, plus or minus this. */
    private static final double SPREAD = 0.15;
    private static final long TRAITS = 0x3c6ef372fe94f82bL;
    private static final long PARTNER_HOUR = 0x510e527fade682d1L;
    private static final long PARENT_DAY = 0xa54ff53a5f1d36f1L;
    private static final int PARTNER_FIRST_MINUTE = 17 * 60;
    private static final int PARTNER_MINUTES = 5 * 60;
    private static final int PARTNER_JITTER_MINUTES = 40;
    private static final int PARENT_FIRST_MINUTE = 10 * 60;
    private static final int PARENT_MINUTES = 10 * 60;

    static final int ORDINARY = 0;
    static final int PARTNER = 1;
    static final int PARENT = 2;

    /** On this share of days a ritual call follows the day's mood; on the others it is a draw of its own. */
    private static final double MOOD_SHARE = 0.6;
    private static final long MOOD = 0x1f83d9abfb41bd6bL;

    private final long seed;
    private final RhythmProfile profile;
    private final double moodSigma;
    private final boolean off;

    /** Today's ritual calls: their kinds and start times, and the share of ordinary calls left. */
    private final int[] kinds = new int[2];
    private final long[] starts = new long[2];
    private int count;
    private double ordinaryShare;

    /** @param moodSigma habits.mood_sigma: the day's mood is log-normal with it, mean 1 */
    CallRhythm(long seed, RhythmProfile profile, double moodSigma) {
        this.seed = seed;
        this.profile = profile;
        this.moodSigma = moodSigma;
        this.off = profile.partnerShare() <= 0 && profile.parentShare() <= 0 || profile.maxCallShare() <= 0;
    }

    /**
     * Plans a subscriber-day's ritual calls.
     * @param expectedCalls the subscriber's expected MO calls on such a day (before mood and daily noise)
     * @param mood the day's mood ({@link Habits#mood})
     */
    void plan(long personId, DayCalendar day, double expectedCalls, double mood) {
        count = 0;
        ordinaryShare = 1;
        if (off || expectedCalls <= 0) {
            return;
        }
        long traits = Seeds.mix(Seeds.hash(seed, personId, 0, Seeds.Purpose.RHYTHM) ^ TRAITS);
        boolean partner = Seeds.unit(traits) < profile.partnerShare();
        long t = Seeds.mix(traits);
        boolean parent = Seeds.unit(t) < profile.parentShare();
        if (!partner && !parent) {
            return;
        }
        t = Seeds.mix(t);
        double partnerDaily = partner ? own(profile.partnerDailyProbability(), t) : 0;
        t = Seeds.mix(t);
        double parentWeekly = parent ? own(profile.parentWeeklyProbability(), t) : 0;
        double expected = partnerDaily + parentWeekly / 7;
        double cap = profile.maxCallShare() * expectedCalls;
        double scale = expected > cap ? cap / expected : 1;
        ordinaryShare = 1 - expected * scale / expectedCalls;
        long today = Seeds.hash(seed, personId, day.epochDay, Seeds.Purpose.RHYTHM);
        double logMood = Math.log(mood);
        if (partner && happens(partnerDaily * scale, today, logMood)) {
            int minute = PARTNER_FIRST_MINUTE + (int) Long.remainderUnsigned(Seeds.mix(traits ^ PARTNER_HOUR), PARTNER_MINUTES);
            long jitter = Seeds.mix(today);
            minute += (int) Long.remainderUnsigned(jitter, 2 * PARTNER_JITTER_MINUTES + 1) - PARTNER_JITTER_MINUTES;
            add(PARTNER, day, minute, jitter >>> 40);
        }
        if (parent) {
            long when = Seeds.mix(traits ^ PARENT_DAY);
            boolean weekday = Long.remainderUnsigned(when, 7) == day.date.getDayOfWeek().ordinal(); // Monday 0
            long draw = Seeds.mix(today ^ PARENT_DAY);
            if (weekday && happens(parentWeekly * scale, draw, logMood)) {
                int minute = PARENT_FIRST_MINUTE + (int) Long.remainderUnsigned(Seeds.mix(when), PARENT_MINUTES);
                add(PARENT, day, minute, draw >>> 40);
            }
        }
    }

    /**
     * Whether a ritual call of probability p happens today. On a keyed {@link #MOOD_SHARE} of days it does
     * unless the mood is in its lowest 1 - p (the mood's log is normal, N(-sigma^2/2, sigma^2), so that too
     * has probability p): rituals thin out in a quiet spell as other calls do, so busy and quiet days still
     * come in runs (independent rituals alone took the median lag-1 autocorrelation of daily MO counts from
     * 0.128 to 0.103 at 1,500 lines x 21 days; with this, 0.125).
     */
    private boolean happens(double p, long hash, double logMood) {
        if (p <= 0 || p >= 1) {
            return p >= 1;
        }
        if (moodSigma > 0 && Seeds.unit(Seeds.mix(hash ^ MOOD)) < MOOD_SHARE) {
            return logMood > -moodSigma * moodSigma / 2 + moodSigma * Quantiles.standardNormal(1 - p);
        }
        return Seeds.unit(hash) < p;
    }

    /** A holder's own probability: the profile's, plus or minus {@link #SPREAD}, within 0..1. */
    private static double own(double mean, long hash) {
        return Math.max(0, Math.min(1, mean + SPREAD * (2 * Seeds.unit(hash) - 1)));
    }

    private void add(int kind, DayCalendar day, int minute, long bits) {
        int m = Math.max(0, Math.min(24 * 60 - 1, minute));
        long from = day.hourStartMs(m / 60);
        long hourLength = day.hourStartMs(m / 60 + 1) - from;
        if (hourLength <= 0) {
            return; // an hour skipped by a DST change
        }
        long offset = Math.min(hourLength - 1, (m % 60) * 60_000L + Long.remainderUnsigned(bits, 60_000));
        kinds[count] = kind;
        starts[count] = from + offset;
        count++;
    }

    /** The share of the day's ordinary calls that the rhythm leaves (1 for holders without one). */
    double ordinaryShare() {
        return ordinaryShare;
    }

    /** Today's ritual calls (0..2). */
    int count() {
        return count;
    }

    int kind(int i) {
        return kinds[i];
    }

    long start(int i) {
        return starts[i];
    }

    /**
     * The callee of a ritual call, an entry of the day's book, or -1 when the holder has none among their
     * strongest ties (an ordinary call then). The partner: the strongest household tie, else the strongest
     * off-net family contact. The parent: a family contact outside the household (off-net, other than the
     * partner), else the strongest neighbourhood tie.
     */
    static int callee(int kind, ContactBook book) {
        int household = -1;
        int family = -1;
        int secondFamily = -1;
        int circle = -1;
        for (int rank = 0; rank < SEARCH_RANKS && book.hasRank(rank); rank++) {
            if (kind == PARTNER ? household >= 0 : secondFamily >= 0 || household >= 0 && family >= 0) {
                break;
            }
            int c = book.contact(rank);
            int layer = book.layer(c);
            boolean onNet = book.subscriber(c) >= 0;
            if (layer == ContactBook.HOUSEHOLD) {
                if (onNet) {
                    household = household < 0 ? c : household;
                } else if (family < 0) {
                    family = c;
                } else if (secondFamily < 0) {
                    secondFamily = c;
                }
            } else if (onNet && circle < 0 && (layer == ContactBook.CIRCLE || layer == ContactBook.CIRCLE + 1)) {
                circle = c;
            }
        }
        if (kind == PARTNER) {
            return household >= 0 ? household : family;
        }
        int parent = household >= 0 ? family : secondFamily;
        return parent >= 0 ? parent : circle;
    }
}
