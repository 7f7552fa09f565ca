package org.cdrgen.config;

import java.util.List;

/** Packet data sessions: how many, when, how long, how much volume, and how they are recorded. */
public record DataProfile(
        double sessionsPerDay,
        double dailyDispersionSigma,
        double burstProbability,
        double burstGapMedianS,
        double durationMedianS,
        double durationSigma,
        double downlinkMedianBytes,
        double volumeSigma,
        double downlinkUplinkRatio,
        double ratioSigma,
        RatWeights peakThroughputMbps,
        RatWeights ratVolumeFactor,
        int partialRecordTimeLimitS,
        long partialRecordVolumeLimitBytes,
        RatWeights ratWeights,
        List<Apn> apns,
        double[] hourlyWeekday,
        double[] hourlyWeekend) {

    /**
     * An access point name (network identifier), how often sessions use it, its volume relative to the
     * profile's medians, and the lowest RAT it is used on (IMS needs VoLTE/VoNR: EUTRAN).
     */
    public record Apn(String name, double share, double volumeFactor, org.cdrgen.model.RatType minRat) {
    }

    void validate() {
        Checks.range("data.sessions_per_day", sessionsPerDay, 0, 10_000);
        Checks.range("data.daily_dispersion_sigma", dailyDispersionSigma, 0, 3);
        Checks.range("data.burst_probability", burstProbability, 0, 0.95);
        Checks.range("data.burst_gap_median_s", burstGapMedianS, 1, 86_400);
        Checks.range("data.duration_median_s", durationMedianS, 1, 86_400);
        Checks.range("data.duration_sigma", durationSigma, 0.01, 4);
        Checks.range("data.downlink_median_bytes", downlinkMedianBytes, 1, 1e12);
        Checks.range("data.volume_sigma", volumeSigma, 0.01, 4);
        Checks.range("data.downlink_uplink_ratio", downlinkUplinkRatio, 1, 1_000);
        Checks.range("data.ratio_sigma", ratioSigma, 0, 3);
        Checks.required("data.peak_throughput_mbps", peakThroughputMbps);
        double[] peaks = peakThroughputMbps.toArray();
        double[] factors;
        Checks.required("data.rat_volume_factor", ratVolumeFactor);
        factors = ratVolumeFactor.toArray();
        String[] rats = {"geran", "utran", "eutran", "nr"};
        for (int r = 0; r < rats.length; r++) {
            Checks.range("data.peak_throughput_mbps." + rats[r], peaks[r], 0.01, 100_000);
            Checks.range("data.rat_volume_factor." + rats[r], factors[r], 0.0001, 100);
        }
        Checks.range("data.partial_record_time_limit_s", partialRecordTimeLimitS, 60, 86_400);
        Checks.range("data.partial_record_volume_limit_bytes", partialRecordVolumeLimitBytes, 100_000L,
                1_000_000_000_000L);
        Checks.required("data.rat_weights", ratWeights);
        ratWeights.validateAsWeights("data.rat_weights");
        Checks.nonEmpty("data.apns", apns);
        double[] shares = new double[apns.size()];
        for (int i = 0; i < apns.size(); i++) {
            String key = "data.apns[" + i + "]";
            Checks.required(key, apns.get(i));
            Checks.required(key + ".name", apns.get(i).name());
            // TS 23.003: APN network identifier labels are letters, digits and hyphens, separated by dots.
            if (!apns.get(i).name().matches("[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*")
                    || apns.get(i).name().length() > 100) {
                throw new ConfigException("key '" + key + ".name' = \"" + apns.get(i).name()
                        + "\" is not an APN network identifier: letters, digits, '-' and '.' only");
            }
            Checks.range(key + ".volume_factor", apns.get(i).volumeFactor(), 0.0001, 100);
            Checks.required(key + ".min_rat", apns.get(i).minRat());
            shares[i] = apns.get(i).share();
        }
        Checks.weights("data.apns[].share", shares);
        Checks.hourly("data.hourly_weekday", hourlyWeekday);
        Checks.hourly("data.hourly_weekend", hourlyWeekend);
    }
}
