package org.cdrgen.config;

/** SMS: how many, when, how long, and how they are delivered. */
public record SmsProfile(
        double moPerDay,
        double mtOffNetPerDay,
        double dailyDispersionSigma,
        double burstProbability,
        double burstGapMedianS,
        double[] segments,
        Status status,
        double deliveryDelayMedianS,
        double deliveryDelaySigma,
        RatWeights ratWeights,
        double[] hourlyWeekday,
        double[] hourlyWeekend) {

    /** Weights of the SMS delivery outcomes. */
    public record Status(double delivered, double failed, double expired) {
        /** Indexed by {@link org.cdrgen.model.SmsStatus#ordinal()}. */
        public double[] toArray() {
            return new double[] {delivered, failed, expired};
        }
    }

    void validate() {
        Checks.range("sms.mo_per_day", moPerDay, 0, 1_000);
        Checks.range("sms.mt_off_net_per_day", mtOffNetPerDay, 0, 1_000);
        Checks.range("sms.daily_dispersion_sigma", dailyDispersionSigma, 0, 3);
        Checks.range("sms.burst_probability", burstProbability, 0, 0.95);
        Checks.range("sms.burst_gap_median_s", burstGapMedianS, 1, 86_400);
        Checks.required("sms.segments", segments);
        if (segments.length < 1 || segments.length > 16) {
            throw new ConfigException("key 'sms.segments' must list 1..16 weights (for 1, 2, ... parts), found "
                    + segments.length);
        }
        Checks.weights("sms.segments", segments);
        Checks.required("sms.status", status);
        Checks.weights("sms.status", status.toArray());
        Checks.range("sms.delivery_delay_median_s", deliveryDelayMedianS, 0.01, 86_400);
        Checks.range("sms.delivery_delay_sigma", deliveryDelaySigma, 0, 4);
        Checks.required("sms.rat_weights", ratWeights);
        ratWeights.validateAsWeights("sms.rat_weights");
        Checks.hourly("sms.hourly_weekday", hourlyWeekday);
        Checks.hourly("sms.hourly_weekend", hourlyWeekend);
    }
}
