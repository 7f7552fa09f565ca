package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A growable byte buffer that formats numbers and timestamps itself, straight into bytes: no String,
 * no String.format, no per-field garbage. Reused from chunk to chunk.
 */
public final class ByteSink {
    private static final byte[] TWO_DIGITS = new byte[200];
    private static final long MS_PER_DAY = 86_400_000L;

    static {
        for (int i = 0; i < 100; i++) {
            TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
            TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] buf;
    private int size;
    /** "YYYY-MM-DDT" of the last formatted day: rows of a chunk share a day or two. */
    private long cachedEpochDay = Long.MIN_VALUE;
    private final byte[] cachedDayPrefix = new byte[11];

    public ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return buf;
    }

    public void reset() {
        size = 0;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteSink put(byte b) {
        ensure(1);
        buf[size++] = b;
        return this;
    }

    public ByteSink put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    public ByteSink putAscii(String s) {
        return put(s.getBytes(StandardCharsets.US_ASCII));
    }

    public ByteSink putBoolean(boolean b) {
        return put(b ? TRUE : FALSE);
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /** Decimal digits of a long, two at a time from a table (a division per digit was the bottleneck). */
    public ByteSink putLong(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return putAscii(Long.toString(v));
            }
            put((byte) '-');
            v = -v;
        }
        int len = digitCount(v);
        ensure(len);
        int pos = size + len;
        while (v >= 100) {
            int pair = (int) (v % 100) * 2;
            v /= 100;
            buf[--pos] = TWO_DIGITS[pair + 1];
            buf[--pos] = TWO_DIGITS[pair];
        }
        if (v >= 10) {
            int pair = (int) v * 2;
            buf[--pos] = TWO_DIGITS[pair + 1];
            buf[--pos] = TWO_DIGITS[pair];
        } else {
            buf[--pos] = (byte) ('0' + v);
        }
        size += len;
        return this;
    }

    static int digitCount(long v) {
        long p = 10;
        for (int i = 1; i < 19; i++) {
            if (v < p) {
                return i;
            }
            p *= 10;
        }
        return 19;
    }

    /** ISO-8601 UTC with milliseconds, e.g. 2026-01-01T08:15:30.123Z. */
    public ByteSink putTimestamp(long epochMs) {
        long day = Math.floorDiv(epochMs, MS_PER_DAY);
        int msOfDay = (int) (epochMs - day * MS_PER_DAY);
        if (day != cachedEpochDay) {
            byte[] prefix = (LocalDate.ofEpochDay(day) + "T").getBytes(StandardCharsets.US_ASCII);
            if (prefix.length != 11) {
                throw new IllegalArgumentException("year outside 0000..9999: " + LocalDate.ofEpochDay(day));
            }
            System.arraycopy(prefix, 0, cachedDayPrefix, 0, 11);
            cachedEpochDay = day;
        }
        ensure(24);
        byte[] b = buf;
        int p = size;
        System.arraycopy(cachedDayPrefix, 0, b, p, 11);
        p += 11;
        int hour = msOfDay / 3_600_000;
        int minute = msOfDay / 60_000 % 60;
        int second = msOfDay / 1000 % 60;
        int milli = msOfDay % 1000;
        b[p++] = TWO_DIGITS[hour * 2];
        b[p++] = TWO_DIGITS[hour * 2 + 1];
        b[p++] = ':';
        b[p++] = TWO_DIGITS[minute * 2];
        b[p++] = TWO_DIGITS[minute * 2 + 1];
        b[p++] = ':';
        b[p++] = TWO_DIGITS[second * 2];
        b[p++] = TWO_DIGITS[second * 2 + 1];
        b[p++] = '.';
        b[p++] = (byte) ('0' + milli / 100);
        b[p++] = TWO_DIGITS[(milli % 100) * 2];
        b[p++] = TWO_DIGITS[(milli % 100) * 2 + 1];
        b[p++] = 'Z';
        size = p;
        return this;
    }

    /** A number with a fixed count of decimals, for coordinates (no locale, no exponent). */
    public ByteSink putFixed(double value, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            put((byte) '-');
        }
        putLong(scaled / scale);
        if (decimals > 0) {
            put((byte) '.');
            long frac = scaled % scale;
            for (long p = scale / 10; p > 0; p /= 10) {
                put((byte) ('0' + frac / p % 10));
            }
        }
        return this;
    }
}
