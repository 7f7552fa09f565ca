package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * What the voice, SMS and data generators share: a stream per (subscriber, day) for their service, and
 * the draws every service makes (event counts, log-normal amounts).
 */
abstract class ServiceGenerator {
    /** No realistic profile comes near this; it keeps a subscriber-day's record numbers within 6 digits. */
    static final int MAX_EVENTS_PER_DAY = 50_000;

    protected final GenerationModel model;
    protected final StreamRandom rng = new StreamRandom();
    protected final NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    protected final EventTimes times = new EventTimes();
    private final Seeds.Purpose purpose;

    ServiceGenerator(GenerationModel model, Seeds.Purpose purpose) {
        this.model = model;
        this.purpose = purpose;
    }

    /** Points this generator's samplers at the stream of one subscriber-day. */
    protected void startStream(int subscriber, long epochDay) {
        rng.reseed(Seeds.hash(model.seed, subscriber, epochDay, purpose));
    }

    /** Mean 1, log-normal: how much busier or quieter than usual this person is today. */
    protected double dailyNoise(double sigma) {
        return sigma == 0 ? 1 : Math.exp(sigma * gaussian.sample() - sigma * sigma / 2);
    }

    protected int count(double mean) {
        if (mean <= 0) {
            return 0;
        }
        return Math.min(MAX_EVENTS_PER_DAY, PoissonSampler.of(rng, mean).sample());
    }

    protected double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian.sample());
    }
}
