package org.cdrgen.config;

/**
 * How a line's holders come and go on the calendar: churn by plan, SIM changes, and the cool-down before a
 * churned MSISDN is recycled to a new subscriber. Rates are hazards per year (0.12 a year is about 1% a month).
 */
public record LifecycleProfile(
        double postpaidChurnPerYear,
        double prepaidChurnPerYear,
        double simChangePerYear,
        int msisdnQuarantineDays,
        double msisdnReissueMeanDays,
        double oldContactFadeDays) {

    void validate(String key) {
        Checks.range(key + ".postpaid_churn_per_year", postpaidChurnPerYear, 0, 12);
        Checks.range(key + ".prepaid_churn_per_year", prepaidChurnPerYear, 0, 12);
        Checks.range(key + ".sim_change_per_year", simChangePerYear, 0, 12);
        Checks.range(key + ".msisdn_quarantine_days", msisdnQuarantineDays, 1, 3650);
        Checks.range(key + ".msisdn_reissue_mean_days", msisdnReissueMeanDays, 0, 3650);
        Checks.range(key + ".old_contact_fade_days", oldContactFadeDays, 0.1, 3650);
    }

    /** The daily churn hazard of a plan. */
    public double churnPerDay(boolean prepaid) {
        return (prepaid ? prepaidChurnPerYear : postpaidChurnPerYear) / 365.25;
    }
}
