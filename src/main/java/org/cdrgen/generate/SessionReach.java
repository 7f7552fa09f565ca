package org.cdrgen.generate;

import org.cdrgen.config.DataProfile;

/**
 * A cheap, safe test that an earlier day's session cannot still be open at a later instant, from its
 * normal draws alone. Nearly every session of a day ends long before the next midnight; telling so in the
 * log domain (a few multiply-adds against a table of logarithms of whole hours) saves the three exp() its
 * duration and volumes would cost, which was half of what drawing the day before again added to a run.
 * "Cannot" is always right; "may" is then settled by the exact computation.
 */
final class SessionReach {
    /** Relative slack for the rounding of the exact computation (its errors are ~1e-15). */
    private static final double SLACK = 1e-6;
    private static final double LN_2 = Math.log(2);

    private final double lnDurationMedian;
    private final double durationSigma;
    private final double lnVolumeMedian;
    private final double volumeSigma;
    private final double lnRatioMedian;
    private final double ratioSigma;
    private final double lnPeakBytesPerSecond;
    /** ln(3600 h - 2): seconds a session may last, before rounding, and still end within h whole hours. */
    private final double[] lnSecondsLeft = new double[26];

    SessionReach(DataProfile data, double peakBytesPerSecond) {
        this.lnDurationMedian = Math.log(data.durationMedianS());
        this.durationSigma = data.durationSigma();
        this.lnVolumeMedian = Math.log(data.downlinkMedianBytes());
        this.volumeSigma = data.volumeSigma();
        this.lnRatioMedian = Math.log(data.downlinkUplinkRatio());
        this.ratioSigma = data.ratioSigma();
        this.lnPeakBytesPerSecond = Math.log(peakBytesPerSecond);
        for (int h = 1; h < lnSecondsLeft.length; h++) {
            // Rounding the duration adds up to 0.5 s and ceil() of the transfer time up to 1 s.
            lnSecondsLeft[h] = Math.log(3600.0 * h - 2) - SLACK;
        }
    }

    /**
     * Whether a session starting at {@code startMs}, with these standard normal draws for its downlink,
     * downlink/uplink ratio and duration, surely ends by {@code instantMs}; false means "maybe not".
     */
    boolean endsBy(long startMs, long instantMs, double zDownlink, double zRatio, double zDuration) {
        long hoursLeft = (instantMs - startMs) / 3_600_000L;
        if (hoursLeft < 1) {
            return false;
        }
        double lnLeft = lnSecondsLeft[(int) Math.min(hoursLeft, lnSecondsLeft.length - 1)];
        if (lnDurationMedian + durationSigma * zDuration > lnLeft) {
            return false;
        }
        // ln(downlink + uplink) = ln(downlink) + ln(1 + 1/ratio), and ln(1 + e^-x) <= ln 2 + max(0, -x).
        double lnRatio = lnRatioMedian + ratioSigma * zRatio;
        double lnVolume = lnVolumeMedian + volumeSigma * zDownlink + LN_2 + Math.max(0, -lnRatio);
        return lnVolume <= lnLeft + lnPeakBytesPerSecond;
    }
}
