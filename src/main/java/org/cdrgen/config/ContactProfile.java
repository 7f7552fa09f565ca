package org.cdrgen.config;

/** Each subscriber's social circle: how many contacts, how many on-net, how concentrated. */
public record ContactProfile(
        double meanCount,
        double countSigma,
        int maxCount,
        double onNetShare,
        int communitySize,
        double tieRankExponent) {

    void validate() {
        Checks.range("contacts.mean_count", meanCount, 1, 1_000);
        Checks.range("contacts.count_sigma", countSigma, 0, 3);
        Checks.range("contacts.max_count", maxCount, 1, 5_000);
        Checks.range("contacts.on_net_share", onNetShare, 0, 1);
        Checks.range("contacts.community_size", communitySize, 10, 100_000);
        Checks.range("contacts.tie_rank_exponent", tieRankExponent, 0, 5);
    }
}
