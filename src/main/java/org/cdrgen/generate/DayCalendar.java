package org.cdrgen.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import org.cdrgen.config.CalendarProfile;
import org.cdrgen.config.Profile;

/**
 * One local day of the run in the profile's time zone: where its hours start in UTC (DST-aware: a day has
 * 23, 24 or 25 real hours) and how active each service is that day.
 */
public final class DayCalendar {
    public final int dayIndex;
    public final LocalDate date;
    public final long epochDay;
    public final boolean weekend;
    public final boolean workingDay;
    /** UTC epoch ms at which local hour h starts; entry 24 is the next local midnight. */
    private final long[] hourStartMs = new long[25];
    /** The day's local noon, and the home zone's UTC offset then: where a clock abroad is compared. */
    private final java.time.Instant noon;
    private final int homeOffsetSeconds;
    public final double voiceActivity;
    public final double smsActivity;
    public final double dataActivity;

    public DayCalendar(int dayIndex, LocalDate date, Profile profile) {
        this.dayIndex = dayIndex;
        this.date = date;
        this.epochDay = date.toEpochDay();
        ZoneId zone = profile.network().zone();
        for (int h = 0; h < 24; h++) {
            // A local hour skipped by a DST jump maps to the instant after the gap: it simply gets no time.
            hourStartMs[h] = LocalDateTime.of(date, LocalTime.of(h, 0)).atZone(zone).toInstant().toEpochMilli();
        }
        hourStartMs[24] = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        this.noon = LocalDateTime.of(date, LocalTime.NOON).atZone(zone).toInstant();
        this.homeOffsetSeconds = zone.getRules().getOffset(noon).getTotalSeconds();
        for (int h = 23; h >= 0; h--) {
            hourStartMs[h] = Math.min(hourStartMs[h], hourStartMs[h + 1]);
        }
        CalendarProfile calendar = profile.calendar();
        DayOfWeek dow = date.getDayOfWeek();
        this.weekend = calendar.weekendDays().contains(dow);
        double month = calendar.monthActivity()[date.getMonthValue() - 1];
        double voice = month * (weekend ? calendar.weekendActivity().voice() : 1);
        double sms = month * (weekend ? calendar.weekendActivity().sms() : 1);
        double data = month * (weekend ? calendar.weekendActivity().data() : 1);
        boolean special = false;
        MonthDay monthDay = MonthDay.from(date);
        for (CalendarProfile.SpecialDay day : calendar.specialDays()) {
            if (day.monthDay().equals(monthDay)) {
                voice *= day.voice();
                sms *= day.sms();
                data *= day.data();
                special = true;
            }
        }
        this.workingDay = !weekend && !special;
        this.voiceActivity = voice;
        this.smsActivity = sms;
        this.dataActivity = data;
    }

    /** Whole hours a zone's clock is ahead of home's at this day's noon (rounded: India's +5:30 is 5 or 6). */
    public int hoursAheadOfHome(ZoneId other) {
        return Math.round((other.getRules().getOffset(noon).getTotalSeconds() - homeOffsetSeconds) / 3600f);
    }

    public long startMs() {
        return hourStartMs[0];
    }

    /** Exclusive end: the next local midnight. */
    public long endMs() {
        return hourStartMs[24];
    }

    public long hourStartMs(int hour) {
        return hourStartMs[hour];
    }

    /** Local hour (0..23) of an instant inside this day. */
    public int localHour(long epochMs) {
        int h = (int) ((epochMs - hourStartMs[0]) / 3_600_000L);
        h = Math.max(0, Math.min(23, h));
        while (h > 0 && epochMs < hourStartMs[h]) {
            h--;
        }
        while (h < 23 && epochMs >= hourStartMs[h + 1]) {
            h++;
        }
        return h;
    }
}
