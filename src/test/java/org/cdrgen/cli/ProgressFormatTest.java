package org.cdrgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text of the progress output: ETAs as durations people read at a glance, and the same characters
 * whatever the JVM's locale (these tests run under a locale with ',' as its decimal mark and '.' grouping).
 */
class ProgressFormatTest {
    private Locale defaultLocale;

    @BeforeEach
    void useALocaleThatFormatsNumbersDifferently() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0 s",
        "42, 42 s",
        "59, 59 s",
        "60, 1 min 00 s",
        "185, 3 min 05 s",
        "3599, 59 min 59 s",
        "3600, 1 h 00 min",
        "5234, 1 h 27 min",
        // minutes rounded to the nearest: 1 h 27 min 30 s is 1 h 28 min, and 2 h 59 min 59 s is 3 h 00 min
        "5250, 1 h 28 min",
        "10799, 3 h 00 min",
        "86369, 23 h 59 min",
        // a day or more: days and (rounded) hours
        "86399, 1 d 00 h",
        "183600, 2 d 03 h",
        "31622400, 366 d 00 h",
        // an estimate below zero (clock noise) is no time left, not a negative time
        "-5, 0 s"})
    void humanDurations(long seconds, String expected) {
        assertEquals(expected, ProgressReporters.humanDuration(seconds));
    }

    @Test
    void logLineGivesTheEtaAsADuration() {
        // A tenth done after 581.6 s: 5234.4 s to go at that rate.
        assertEquals("1,234 of 12,340 subscriber-days (10%), 2,345,678 rows, 4,033 rows/s, ETA 1 h 27 min",
                ProgressReporters.logLine(1_234, 12_340, 2_345_678, 581.6));
    }

    @Test
    void logLineBeforeAnyWorkIsDoneHasNoEta() {
        assertEquals("0 of 1,000 subscriber-days (0%), 0 rows, 0 rows/s, ETA unknown",
                ProgressReporters.logLine(0, 1_000, 0, 10));
    }

    @Test
    void barRateUsesAPointAsDecimalMark() {
        assertEquals(" 1.25M rows/s", ProgressReporters.barRate(2_500_000, 2.0));
    }
}
