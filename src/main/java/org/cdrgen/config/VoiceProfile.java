package org.cdrgen.config;

/** Voice call attempts: how many, when, how they end and how long they last. */
public record VoiceProfile(
        double moCallsPerDay,
        double mtOffNetCallsPerDay,
        double dailyDispersionSigma,
        double burstProbability,
        double burstGapMedianS,
        Outcomes outcomes,
        double droppedShare,
        double callWaitingShare,
        double durationMedianS,
        double durationSigma,
        int durationMaxS,
        double weekendDurationMultiplier,
        double ringTimeMedianS,
        RatWeights ratWeights,
        double[] hourlyWeekday,
        double[] hourlyWeekend) {

    /** Weights of the four call dispositions. */
    public record Outcomes(double answered, double busy, double noAnswer, double failed) {
        /** Indexed by {@link org.cdrgen.model.CallDisposition#ordinal()}. */
        public double[] toArray() {
            return new double[] {answered, busy, noAnswer, failed};
        }
    }

    void validate() {
        Checks.range("voice.mo_calls_per_day", moCallsPerDay, 0, 1_000);
        Checks.range("voice.mt_off_net_calls_per_day", mtOffNetCallsPerDay, 0, 1_000);
        Checks.range("voice.daily_dispersion_sigma", dailyDispersionSigma, 0, 3);
        Checks.range("voice.burst_probability", burstProbability, 0, 0.95);
        Checks.range("voice.burst_gap_median_s", burstGapMedianS, 1, 86_400);
        Checks.required("voice.outcomes", outcomes);
        Checks.weights("voice.outcomes", outcomes.toArray());
        Checks.range("voice.dropped_share", droppedShare, 0, 1);
        Checks.range("voice.call_waiting_share", callWaitingShare, 0, 1);
        Checks.range("voice.duration_median_s", durationMedianS, 1, 86_400);
        Checks.range("voice.duration_sigma", durationSigma, 0.01, 4);
        Checks.range("voice.duration_max_s", durationMaxS, 1, 86_400);
        Checks.range("voice.weekend_duration_multiplier", weekendDurationMultiplier, 0.1, 10);
        Checks.range("voice.ring_time_median_s", ringTimeMedianS, 0, 120);
        Checks.required("voice.rat_weights", ratWeights);
        ratWeights.validateAsWeights("voice.rat_weights");
        Checks.hourly("voice.hourly_weekday", hourlyWeekday);
        Checks.hourly("voice.hourly_weekend", hourlyWeekend);
    }
}
