package org.cdrgen.generate;

import org.cdrgen.config.HabitsProfile;

/**
 * A person's mood and spells away on a day, as pure functions of (seed, person, date): the mood's log is a
 * weighted moving average of one standard normal draw per day (weights persistence^k, k days back, scaled
 * to variance sigma^2 and shifted to mean 1), so neighbouring days share most of their draws.
 */
final class Habits {
    private final long seed;
    private final HabitsProfile profile;
    private final double[] weights;
    private final double meanShift;

    Habits(long seed, HabitsProfile profile) {
        this.seed = seed;
        this.profile = profile;
        this.weights = new double[profile.moodMemoryDays()];
        double sumSquares = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = Math.pow(profile.moodPersistence(), k);
            sumSquares += weights[k] * weights[k];
        }
        double scale = sumSquares > 0 ? profile.moodSigma() / Math.sqrt(sumSquares) : 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] *= scale;
        }
        this.meanShift = profile.moodSigma() * profile.moodSigma() / 2;
    }

    /** The day's activity multiplier: log-normal, mean 1, correlated with the days before. */
    double mood(long personId, long epochDay) {
        return moods(personId, epochDay, null);
    }

    /**
     * The same; when {@code dayBefore} is given, also the mood of the day before into its element 0: it shares
     * all but one of the draws (an earlier day's sessions that run into this one need it). Both sums add
     * their terms in the same order as {@link #mood} alone, so the values are the same to the bit.
     */
    double moods(long personId, long epochDay, double[] dayBefore) {
        if (profile.moodSigma() == 0) {
            if (dayBefore != null) {
                dayBefore[0] = 1;
            }
            return 1;
        }
        double log = -meanShift;
        double before = -meanShift;
        int days = weights.length + (dayBefore != null ? 1 : 0);
        for (int j = 0; j < days; j++) {
            long h = Seeds.hash(seed, personId, epochDay - j, Seeds.Purpose.HABITS);
            double z = Quantiles.standardNormal(Seeds.unit(h));
            if (j < weights.length) {
                log += weights[j] * z;
            }
            if (j > 0) {
                before += weights[j - 1] * z;
            }
        }
        if (dayBefore != null) {
            dayBefore[0] = Math.exp(before);
        }
        return Math.exp(log);
    }

    /** Whether the person is away with the phone off all day: the latest spell started covers the day. */
    boolean away(long personId, long epochDay) {
        double p = profile.awayDailyProbability();
        if (p <= 0) {
            return false;
        }
        int maxDays = profile.awayMaxDays();
        for (long start = epochDay; start > epochDay - maxDays; start--) {
            long h = Seeds.mix(Seeds.hash(seed, personId, start, Seeds.Purpose.HABITS) ^ 0x6a09e667f3bcc909L);
            if (Seeds.unit(h) < p && start + 1 + Long.remainderUnsigned(Seeds.mix(h), maxDays) > epochDay) {
                return true;
            }
        }
        return false;
    }
}
