package org.cdrgen.config;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How activity changes with the day: weekends, months, special days. */
public record CalendarProfile(
        List<DayOfWeek> weekendDays,
        ServiceMultipliers weekendActivity,
        double[] monthActivity,
        List<SpecialDay> specialDays) {

    /** One multiplier per service. */
    public record ServiceMultipliers(double voice, double sms, double data) {
        void validate(String key) {
            Checks.range(key + ".voice", voice, 0, 10);
            Checks.range(key + ".sms", sms, 0, 10);
            Checks.range(key + ".data", data, 0, 10);
        }
    }

    /** A recurring date (MM-DD) with its own activity, such as New Year's Eve. */
    public record SpecialDay(String date, String name, double voice, double sms, double data) {
        public MonthDay monthDay() {
            return MonthDay.parse("--" + date);
        }
    }

    void validate() {
        Checks.required("calendar.weekend_days", weekendDays);
        for (int i = 0; i < weekendDays.size(); i++) {
            Checks.required("calendar.weekend_days[" + i + "]", weekendDays.get(i));
        }
        Checks.required("calendar.weekend_activity", weekendActivity);
        weekendActivity.validate("calendar.weekend_activity");
        Checks.required("calendar.month_activity", monthActivity);
        if (monthActivity.length != 12) {
            throw new ConfigException("key 'calendar.month_activity' must list 12 multipliers (January..December), found "
                    + monthActivity.length);
        }
        for (int i = 0; i < 12; i++) {
            Checks.range("calendar.month_activity[" + i + "]", monthActivity[i], 0, 10);
        }
        Checks.required("calendar.special_days", specialDays);
        for (int i = 0; i < specialDays.size(); i++) {
            String key = "calendar.special_days[" + i + "]";
            SpecialDay day = specialDays.get(i);
            Checks.required(key, day);
            Checks.required(key + ".date", day.date());
            try {
                day.monthDay();
            } catch (DateTimeParseException e) {
                throw new ConfigException("key '" + key + ".date' = \"" + day.date() + "\" must be MM-DD, e.g. 12-31");
            }
            Checks.range(key + ".voice", day.voice(), 0, 20);
            Checks.range(key + ".sms", day.sms(), 0, 20);
            Checks.range(key + ".data", day.data(), 0, 20);
        }
    }
}
