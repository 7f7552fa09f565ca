package org.cdrgen.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Who the subscribers are: plans, activity levels, devices, activation, churn and number recycling. */
public record PopulationProfile(
        double prepaidShare,
        double prepaidActivity,
        double postpaidActivity,
        double activitySigma,
        double serviceMixSigma,
        double quietShare,
        double quietActivity,
        String baseCompleteDate,
        int maxActivationAgeDays,
        double deviceSwapDailyProbability,
        double[] householdSizes,
        LifecycleProfile lifecycle,
        List<Device> devices) {

    void validate() {
        Checks.range("population.prepaid_share", prepaidShare, 0, 1);
        Checks.range("population.prepaid_activity", prepaidActivity, 0.01, 100);
        Checks.range("population.postpaid_activity", postpaidActivity, 0.01, 100);
        Checks.range("population.activity_sigma", activitySigma, 0, 3);
        Checks.range("population.service_mix_sigma", serviceMixSigma, 0, 3);
        Checks.range("population.quiet_share", quietShare, 0, 1);
        Checks.range("population.quiet_activity", quietActivity, 0, 1);
        baseCompleteEpochDay();
        Checks.range("population.max_activation_age_days", maxActivationAgeDays, 1, 36_500);
        Checks.range("population.device_swap_daily_probability", deviceSwapDailyProbability, 0, 0.1);
        Checks.required("population.household_sizes", householdSizes);
        if (householdSizes.length < 1 || householdSizes.length > 16) {
            throw new ConfigException("key 'population.household_sizes' has " + householdSizes.length
                    + " shares: allowed 1..16 (households of 1..16 lines)");
        }
        double households = 0;
        for (int i = 0; i < householdSizes.length; i++) {
            Checks.range("population.household_sizes[" + i + "]", householdSizes[i], 0, 1);
            households += householdSizes[i];
        }
        if (households <= 0) {
            throw new ConfigException("key 'population.household_sizes' has shares that sum to 0: at least one must be > 0");
        }
        Checks.required("population.lifecycle", lifecycle);
        lifecycle.validate("population.lifecycle");
        Checks.nonEmpty("population.devices", devices);
        double sum = 0;
        for (int i = 0; i < devices.size(); i++) {
            Checks.required("population.devices[" + i + "]", devices.get(i));
            devices.get(i).validate("population.devices[" + i + "]");
            sum += devices.get(i).share();
        }
        if (sum <= 0) {
            throw new ConfigException("key 'population.devices' has shares that sum to 0: at least one must be > 0");
        }
        checkTacRangesDisjoint();
    }

    /**
     * The calendar day from which every line of the base is active: activation dates spread over the
     * max_activation_age_days before it, so the base is a fact of the calendar, never of a run's start date.
     */
    public long baseCompleteEpochDay() {
        Checks.required("population.base_complete_date", baseCompleteDate);
        LocalDate date;
        try {
            date = LocalDate.parse(baseCompleteDate);
        } catch (DateTimeParseException e) {
            throw new ConfigException("key 'population.base_complete_date' is '" + baseCompleteDate
                    + "': expected a date YYYY-MM-DD from " + EARLIEST_BASE + " to " + LATEST_BASE);
        }
        if (date.isBefore(EARLIEST_BASE) || date.isAfter(LATEST_BASE)) {
            throw new ConfigException("key 'population.base_complete_date' is " + date + ": allowed from "
                    + EARLIEST_BASE + " to " + LATEST_BASE);
        }
        return date.toEpochDay();
    }

    /** Equal profiles are equal by value (the household shares are an array, which records compare by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationProfile p && Arrays.equals(householdSizes, p.householdSizes)
                && toComparable().equals(p.toComparable());
    }

    @Override
    public int hashCode() {
        return 31 * toComparable().hashCode() + Arrays.hashCode(householdSizes);
    }

    private List<Object> toComparable() {
        return List.of(prepaidShare, prepaidActivity, postpaidActivity, activitySigma, serviceMixSigma, quietShare,
                quietActivity, String.valueOf(baseCompleteDate), maxActivationAgeDays, deviceSwapDailyProbability,
                String.valueOf(lifecycle), String.valueOf(devices));
    }

    private static final LocalDate EARLIEST_BASE = LocalDate.of(1985, 1, 1);
    private static final LocalDate LATEST_BASE = LocalDate.of(2200, 12, 31);

    /** Two models sharing a TAC could give two phones the same IMEI: every TAC belongs to one model. */
    private void checkTacRangesDisjoint() {
        for (int i = 0; i < devices.size(); i++) {
            for (int j = 0; j < i; j++) {
                Device a = devices.get(i);
                Device b = devices.get(j);
                if (a.firstTac() <= b.lastTac() && b.firstTac() <= a.lastTac()) {
                    throw new ConfigException(String.format(Locale.ROOT, "key 'population.devices[%d]': TACs %08d..%08d"
                            + " (tac, tac_count) overlap those of population.devices[%d] (%08d..%08d): every TAC must"
                            + " belong to one model", i, a.firstTac(), a.lastTac(), j, b.firstTac(), b.lastTac()));
                }
            }
        }
    }
}
