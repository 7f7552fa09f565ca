package org.cdrgen.generate;

import java.util.HashMap;
import java.util.Map;
import org.cdrgen.config.Profile;

/**
 * The days before a given day whose data sessions can still be open when it starts. A session lasts at most
 * {@link DataGenerator#MAX_SESSION_S}, shorter than any 24-hour or DST day, so normally only the day before
 * qualifies; the walk back is general anyway, so a time zone with a shorter day stays correct. Calendars
 * are cached per worker: every subscriber of a chunk asks for the same few days.
 */
final class EarlierDays {
    private final Profile profile;
    private final long reachMs;
    private final Map<Long, DayCalendar> calendars = new HashMap<>();

    EarlierDays(Profile profile, long sessionReachMs) {
        this.profile = profile;
        this.reachMs = sessionReachMs;
    }

    /**
     * The day {@code back} days before {@code day} (1 = the day before), or null when no session that
     * starts on it can still be open at {@code day}'s start (nor one of any day before it, which ends earlier).
     */
    DayCalendar reaching(DayCalendar day, int back) {
        long epochDay = day.epochDay - back;
        DayCalendar earlier = calendars.get(epochDay);
        if (earlier == null) {
            earlier = new DayCalendar(day.dayIndex - back, day.date.minusDays(back), profile);
            calendars.put(epochDay, earlier);
        }
        // A session starts before its day's end and ends within reachMs of its start.
        return earlier.endMs() + reachMs > day.startMs() ? earlier : null;
    }
}
