package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * "YYYY-MM-DD" of an epoch day, as {@link LocalDate#toString()} writes it, without building a LocalDate and
 * a String: subscribers.csv has three dates per row, a million rows at 1,000,000 subscribers.
 */
final class DateWriter {
    static final int LENGTH = 10;
    /** 0000-01-01 and 9999-12-31: the years written with four digits and no sign. */
    private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST = LocalDate.of(9999, 12, 31).toEpochDay();

    private DateWriter() {
    }

    /** Writes the date at {@code p} (room made by the caller: 10 bytes, more outside years 0-9999). */
    static int put(byte[] b, int p, long epochDay) {
        if (epochDay < FIRST || epochDay > LAST) {
            return Ascii.copy(LocalDate.ofEpochDay(epochDay).toString().getBytes(StandardCharsets.US_ASCII), b, p);
        }
        // Days to civil date (H. Hinnant's algorithm, in the proleptic Gregorian calendar LocalDate uses).
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int doe = (int) (z - era * 146_097);
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yoe + era * 400) + (month <= 2 ? 1 : 0);
        Ascii.INT_BE.set(b, p, Ascii.fourDigits(year));
        b[p + 4] = '-';
        Ascii.putTwoDigits(b, p + 5, month);
        b[p + 7] = '-';
        Ascii.putTwoDigits(b, p + 8, day);
        return p + LENGTH;
    }
}
