package org.cdrgen.config;

/**
 * Day-to-day persistence of a person's activity: a mood that drifts over days (a moving average of daily
 * draws, so busy and quiet days come in runs), and spells away with the phone off.
 */
public record HabitsProfile(
        double moodSigma,
        double moodPersistence,
        int moodMemoryDays,
        double awayDailyProbability,
        int awayMaxDays) {

    void validate() {
        Checks.range("habits.mood_sigma", moodSigma, 0, 2);
        Checks.range("habits.mood_persistence", moodPersistence, 0, 0.99);
        Checks.range("habits.mood_memory_days", moodMemoryDays, 1, 60);
        Checks.range("habits.away_daily_probability", awayDailyProbability, 0, 0.5);
        Checks.range("habits.away_max_days", awayMaxDays, 1, 60);
    }
}
