package org.cdrgen.config;

/**
 * Who calls whom with a rhythm: a share of subscribers call a partner on most days, in their own evening
 * hour, and a share call a parent once a week, on a weekday and at an hour of their own. These calls take
 * the place of ordinary ones, so a subscriber's calls per day stay as many.
 */
public record RhythmProfile(
        double partnerShare,
        double partnerDailyProbability,
        double parentShare,
        double parentWeeklyProbability,
        double maxCallShare) {

    void validate() {
        Checks.range("contacts.rhythm.partner_share", partnerShare, 0, 1);
        Checks.range("contacts.rhythm.partner_daily_probability", partnerDailyProbability, 0, 1);
        Checks.range("contacts.rhythm.parent_share", parentShare, 0, 1);
        Checks.range("contacts.rhythm.parent_weekly_probability", parentWeeklyProbability, 0, 1);
        Checks.range("contacts.rhythm.max_call_share", maxCallShare, 0, 1);
    }
}
