package org.cdrgen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.cdrgen.config.Profile;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.config.RhythmProfile;
import org.junit.jupiter.api.Test;

/** The rhythm's plan of a subscriber-day: keyed, within the day, and leaving the mean calls per day as they were. */
class CallRhythmTest {
    private static final Profile PROFILE = new ProfileLoader().loadBuiltIn().profile();
    private static final int DAYS = 28;

    private static DayCalendar[] days() {
        DayCalendar[] days = new DayCalendar[DAYS];
        for (int d = 0; d < DAYS; d++) {
            days[d] = new DayCalendar(d, LocalDate.of(2026, 3, 2).plusDays(d), PROFILE);
        }
        return days;
    }

    @Test
    void ritualCallsReplaceOrdinaryOnesSoTheMeanIsKept() {
        CallRhythm rhythm = new CallRhythm(42, PROFILE.contacts().rhythm(), PROFILE.habits().moodSigma());
        Habits habits = new Habits(42, PROFILE.habits());
        DayCalendar[] days = days();
        for (double expected : new double[] {0.2, 1.0, 2.6, 10}) {
            double total = 0;
            int rituals = 0;
            for (long person = 0; person < 4000; person++) {
                for (DayCalendar day : days) {
                    rhythm.plan(person, day, expected, habits.mood(person, day.epochDay));
                    total += expected * rhythm.ordinaryShare() + rhythm.count();
                    rituals += rhythm.count();
                    for (int i = 0; i < rhythm.count(); i++) {
                        long start = rhythm.start(i);
                        assertTrue(start >= day.startMs() && start < day.endMs(), "inside the day");
                    }
                }
            }
            double mean = total / (4000.0 * DAYS);
            assertEquals(expected, mean, 0.02 * expected, "mean MO calls per day at " + expected);
            assertTrue(rituals > 0.1 * Math.min(expected, 1) * 4000 * DAYS, "rituals at " + expected + ": " + rituals);
        }
    }

    @Test
    void aParentIsCalledOnOneWeekdayAndThePlanIsKeyed() {
        CallRhythm rhythm = new CallRhythm(42, PROFILE.contacts().rhythm(), PROFILE.habits().moodSigma());
        CallRhythm again = new CallRhythm(42, PROFILE.contacts().rhythm(), PROFILE.habits().moodSigma());
        DayCalendar[] days = days();
        for (long person = 0; person < 500; person++) {
            int weekdays = 0;
            for (DayCalendar day : days) {
                rhythm.plan(person, day, 5, 1);
                again.plan(person, day, 5, 1);
                assertEquals(rhythm.count(), again.count());
                for (int i = 0; i < rhythm.count(); i++) {
                    assertEquals(rhythm.start(i), again.start(i));
                    if (rhythm.kind(i) == CallRhythm.PARENT) {
                        weekdays |= 1 << day.date.getDayOfWeek().ordinal();
                    }
                }
            }
            assertTrue(Integer.bitCount(weekdays) <= 1, "person " + person + " calls a parent on weekdays " + weekdays);
        }
    }

    @Test
    void noSharesNoRituals() {
        CallRhythm rhythm = new CallRhythm(42, new RhythmProfile(0, 0.8, 0, 0.85, 0.7), 0.7);
        for (DayCalendar day : days()) {
            rhythm.plan(7, day, 3, 1);
            assertEquals(0, rhythm.count());
            assertEquals(1, rhythm.ordinaryShare());
        }
    }
}
