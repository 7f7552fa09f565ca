package org.cdrgen.output;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
            grow(extra);
        }
    }

    private void grow(int extra) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
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

    /**
     * Decimal digits of a long, written from the right: eight digits per long division (the 8-digit part then
     * in int arithmetic, four digits per int store from a table of ASCII quadruples); a division per digit
     * was the bottleneck. Deliberately one method over C2's FreqInlineSize (325 bytecodes): it is then
     * compiled once and called, instead of being copied into each of its dozen call sites, copies whose
     * compilation took about a quarter of a 100k-subscriber run's JIT time (see bench/RESULTS.md).
     */
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
        byte[] b = buf;
        int start = size;
        int pos = start + len;
        size = pos;
        if (v >= 100_000_000L) {
            long high = v / 100_000_000L;
            putEightDigits(b, pos, (int) (v - high * 100_000_000L));
            pos -= 8;
            if (high >= 100_000_000L) {
                long top = high / 100_000_000L; // at most three digits: 2^63 < 10^19
                putEightDigits(b, pos, (int) (high - top * 100_000_000L));
                pos -= 8;
                high = top;
            }
            v = high;
        }
        // What is left has at most 8 digits, to be right-aligned in [start, pos).
        int i = (int) v;
        if (i >= 10_000) {
            int q = i / 10_000;
            INT_BIG_ENDIAN.set(b, pos - 4, FOUR_DIGITS[i - q * 10_000]);
            pos -= 4;
            i = q;
        }
        switch (pos - start) {
            case 4 -> INT_BIG_ENDIAN.set(b, start, FOUR_DIGITS[i]);
            case 3 -> {
                int q = i / 100;
                b[start] = (byte) ('0' + q);
                b[start + 1] = TWO_DIGITS[(i - q * 100) * 2];
                b[start + 2] = TWO_DIGITS[(i - q * 100) * 2 + 1];
            }
            case 2 -> {
                b[start] = TWO_DIGITS[i * 2];
                b[start + 1] = TWO_DIGITS[i * 2 + 1];
            }
            case 1 -> b[start] = (byte) ('0' + i);
            default -> throw new IllegalStateException("digit count " + len + " of " + v);
        }
        return this;
    }

    /** Exactly eight digits of {@code value} (below 10^8, zero-padded), ending at {@code end}. */
    private static void putEightDigits(byte[] b, int end, int value) {
        int high = value / 10_000;
        INT_BIG_ENDIAN.set(b, end - 4, FOUR_DIGITS[value - high * 10_000]);
        INT_BIG_ENDIAN.set(b, end - 8, FOUR_DIGITS[high]);
    }

    /** "0000".."9999" as big-endian ints, written into the byte buffer four bytes at a time. */
    private static final int[] FOUR_DIGITS = new int[10_000];
    private static final VarHandle INT_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.BIG_ENDIAN);

    static {
        for (int n = 0; n < 10_000; n++) {
            FOUR_DIGITS[n] = ('0' + n / 1000) << 24 | ('0' + n / 100 % 10) << 16 | ('0' + n / 10 % 10) << 8
                    | ('0' + n % 10);
        }
    }

    /**
     * An id of the form key x 1,000,000 + n: the rows of a subscriber-day share the key, whose digits are
     * kept from the previous call, so only the last six digits are formatted.
     */
    public ByteSink putId(long v) {
        long high = v / 1_000_000;
        int low = (int) (v - high * 1_000_000);
        if (high == 0 || v < 0) {
            return putLong(v);
        }
        if (high != cachedIdHigh) {
            int start = size;
            putLong(high);
            cachedIdDigitsLength = size - start;
            if (cachedIdDigits.length < cachedIdDigitsLength) {
                cachedIdDigits = new byte[cachedIdDigitsLength];
            }
            System.arraycopy(buf, start, cachedIdDigits, 0, cachedIdDigitsLength);
            cachedIdHigh = high;
        } else {
            ensure(cachedIdDigitsLength);
            System.arraycopy(cachedIdDigits, 0, buf, size, cachedIdDigitsLength);
            size += cachedIdDigitsLength;
        }
        ensure(6);
        byte[] b = buf;
        int p = size;
        int hi = low / 10_000;
        int mid = low / 100 % 100;
        int lo = low % 100;
        b[p] = TWO_DIGITS[hi * 2];
        b[p + 1] = TWO_DIGITS[hi * 2 + 1];
        b[p + 2] = TWO_DIGITS[mid * 2];
        b[p + 3] = TWO_DIGITS[mid * 2 + 1];
        b[p + 4] = TWO_DIGITS[lo * 2];
        b[p + 5] = TWO_DIGITS[lo * 2 + 1];
        size = p + 6;
        return this;
    }

    private long cachedIdHigh = -1;
    private byte[] cachedIdDigits = new byte[20];
    private int cachedIdDigitsLength;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < 19; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    /** Digits of a non-negative long: estimated from its bit length (log10(2) ~ 77/256), corrected by one compare. */
    static int digitCount(long v) {
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        int estimate = (bits * 77) >>> 8;
        return Math.max(1, estimate + (v >= POWERS_OF_TEN[estimate] ? 1 : 0));
    }

    /** ISO-8601 UTC with milliseconds, e.g. 2026-01-01T08:15:30.123Z. */
    public ByteSink putTimestamp(long epochMs) {
        long day = Math.floorDiv(epochMs, MS_PER_DAY);
        int msOfDay = (int) (epochMs - day * MS_PER_DAY);
        if (day != cachedEpochDay) {
            cacheDayPrefix(day);
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

    /** Kept out of putTimestamp: it runs once per day and would otherwise be compiled into every caller. */
    private void cacheDayPrefix(long day) {
        byte[] prefix = (LocalDate.ofEpochDay(day) + "T").getBytes(StandardCharsets.US_ASCII);
        if (prefix.length != 11) {
            throw new IllegalArgumentException("year outside 0000..9999: " + LocalDate.ofEpochDay(day));
        }
        System.arraycopy(prefix, 0, cachedDayPrefix, 0, 11);
        cachedEpochDay = day;
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
