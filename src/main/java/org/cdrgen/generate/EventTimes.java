package org.cdrgen.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Start times of a subscriber-day's events: anchors follow the service's 24-hour profile, and each event
 * may instead follow the previous one after a short log-normal gap, so events cluster in bursts (real
 * inter-event times are heavy-tailed, not exponential). Results are in epoch ms, unsorted.
 */
final class EventTimes {
    private long[] times = new long[64];

    long[] draw(int count, DayCalendar day, SharedStateDiscreteSampler hourOfDay, UniformRandomProvider rng,
            NormalizedGaussianSampler gaussian, double burstProbability, double burstGapMedianS) {
        if (times.length < count) {
            times = new long[Math.max(count, times.length * 2)];
        }
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long t = -1;
            if (previous >= 0 && rng.nextDouble() < burstProbability) {
                t = previous + (long) (burstGapMedianS * 1000 * Math.exp(gaussian.sample()));
                if (t >= day.endMs()) {
                    t = -1;
                }
            }
            if (t < 0) {
                t = anchor(day, hourOfDay, rng);
            }
            times[i] = t;
            previous = t;
        }
        return times;
    }

    private static long anchor(DayCalendar day, SharedStateDiscreteSampler hourOfDay, UniformRandomProvider rng) {
        while (true) {
            int hour = hourOfDay.sample();
            long from = day.hourStartMs(hour);
            long length = day.hourStartMs(hour + 1) - from;
            if (length > 0) { // an hour skipped by a DST change has no time in it
                return from + rng.nextLong(length);
            }
        }
    }
}
