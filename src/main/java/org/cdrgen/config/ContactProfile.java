package org.cdrgen.config;

/**
 * Each subscriber's social circle: the communities on-net ties come from (households, two overlapping
 * tilings of neighbourhood circles, workplaces, weak bridges), how ties come and go, how many off-net
 * contacts, how concentrated the calls are, and the rhythm of calls to a partner and a parent.
 */
public record ContactProfile(
        double meanCount,
        double countSigma,
        int maxCount,
        double onNetShare,
        double householdTieShare,
        int circleSizeMin,
        int circleSizeMax,
        double circleSizeExponent,
        double circleTies,
        int workplaceSizeMin,
        int workplaceSizeMax,
        double workplaceSizeExponent,
        double workplaceTies,
        int weakTies,
        double weakTieDays,
        double tieActiveShare,
        double tieTurnoverDays,
        double tieRankExponent,
        RhythmProfile rhythm) {

    void validate() {
        Checks.range("contacts.mean_count", meanCount, 1, 1_000);
        Checks.range("contacts.count_sigma", countSigma, 0, 3);
        Checks.range("contacts.max_count", maxCount, 1, 5_000);
        Checks.range("contacts.on_net_share", onNetShare, 0, 1);
        Checks.range("contacts.household_tie_share", householdTieShare, 0, 1);
        Checks.range("contacts.circle_size_min", circleSizeMin, 2, 1_000);
        Checks.range("contacts.circle_size_max", circleSizeMax, circleSizeMin, 1_000);
        Checks.range("contacts.circle_size_exponent", circleSizeExponent, 1.1, 5);
        Checks.range("contacts.circle_ties", circleTies, 0, 100);
        Checks.range("contacts.workplace_size_min", workplaceSizeMin, 2, 1_000);
        Checks.range("contacts.workplace_size_max", workplaceSizeMax, workplaceSizeMin, 1_000);
        Checks.range("contacts.workplace_size_exponent", workplaceSizeExponent, 1.1, 5);
        Checks.range("contacts.workplace_ties", workplaceTies, 0, 100);
        Checks.range("contacts.weak_ties", weakTies, 0, 16);
        Checks.range("contacts.weak_tie_days", weakTieDays, 1, 3_650);
        Checks.range("contacts.tie_active_share", tieActiveShare, 0.05, 1);
        Checks.range("contacts.tie_turnover_days", tieTurnoverDays, 1, 3_650);
        Checks.range("contacts.tie_rank_exponent", tieRankExponent, 0, 5);
        rhythm.validate();
    }
}
