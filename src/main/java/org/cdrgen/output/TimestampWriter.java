package org.cdrgen.output;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * ISO-8601 UTC timestamps with milliseconds ("2026-01-01T08:15:30.123Z", 24 bytes) in six stores: the
 * "YYYY-MM-DDT" of one of the two days written last, "HH:MM:" from a table of the
 * 1,440 minutes of a day, the seconds from a table of pairs, ".mmm" from a table of 1,000 ints, 'Z'.
 * The tables take 16 KB; a row has two or three timestamps, so they stay in the core's caches.
 *
 * <p>Two days are kept because rows of a chunk share a day or two, and a row that starts before midnight
 * and ends after it wrote its two timestamps on alternate days: with a single cached day, every such row
 * formatted two dates through {@link LocalDate} (2% of a run's samples).
 */
final class TimestampWriter {
    static final int LENGTH = 24;
    private static final long MS_PER_DAY = 86_400_000L;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** "HH:MM:00" of each minute of a day, big-endian (the seconds are written over the "00"). */
    private static final long[] HOUR_MINUTE = new long[1440];
    /** ".000" to ".999", big-endian. */
    private static final int[] MILLIS = new int[1000];

    static {
        for (int m = 0; m < 1440; m++) {
            byte[] s = {0, 0, ':', 0, 0, ':', '0', '0'};
            Ascii.putTwoDigits(s, 0, m / 60);
            Ascii.putTwoDigits(s, 3, m % 60);
            HOUR_MINUTE[m] = (long) LONG_BE.get(s, 0);
        }
        for (int ms = 0; ms < 1000; ms++) {
            MILLIS[ms] = '.' << 24 | (Ascii.fourDigits(ms) & 0xFF_FFFF);
        }
    }

    /** The day of slot 0, the one written last; slot 1 holds the one before. */
    private long day0 = Long.MIN_VALUE;
    private long day1 = Long.MIN_VALUE;
    /** Bytes 0-7 and 7-10 of a day's "YYYY-MM-DDT" (an overlapping pair of stores writes all 11). */
    private long head0;
    private int tail0;
    private long head1;
    private int tail1;

    /** Writes {@code epochMs} at {@code p} (room for {@link #LENGTH} bytes made by the caller); returns p + 24. */
    int put(byte[] b, int p, long epochMs) {
        long day = Math.floorDiv(epochMs, MS_PER_DAY);
        int msOfDay = (int) (epochMs - day * MS_PER_DAY);
        if (day != day0) {
            switchDay(day);
        }
        LONG_BE.set(b, p, head0);
        Ascii.INT_BE.set(b, p + 7, tail0);
        int second = msOfDay / 1000;
        int milli = msOfDay - second * 1000;
        int minute = second / 60;
        LONG_BE.set(b, p + 11, HOUR_MINUTE[minute]);
        Ascii.putTwoDigits(b, p + 17, second - minute * 60);
        Ascii.INT_BE.set(b, p + 19, MILLIS[milli]);
        b[p + 23] = 'Z';
        return p + LENGTH;
    }

    /**
     * Makes {@code day} slot 0: swapped in from slot 1, or formatted; the day it replaces moves to slot 1.
     * Kept out of {@link #put}: it runs rarely and would otherwise be compiled into every caller.
     */
    private void switchDay(long day) {
        long head;
        int tail;
        if (day == day1) {
            head = head1;
            tail = tail1;
        } else {
            byte[] prefix = (LocalDate.ofEpochDay(day) + "T").getBytes(StandardCharsets.US_ASCII);
            if (prefix.length != 11) {
                throw new IllegalArgumentException("year outside 0000..9999: " + LocalDate.ofEpochDay(day));
            }
            head = (long) LONG_BE.get(prefix, 0);
            tail = (int) Ascii.INT_BE.get(prefix, 7);
        }
        day1 = day0;
        head1 = head0;
        tail1 = tail0;
        day0 = day;
        head0 = head;
        tail0 = tail;
    }
}
