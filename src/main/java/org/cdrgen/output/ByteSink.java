package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that formats numbers and timestamps itself, straight into bytes: no String,
 * no String.format, no per-field garbage. Reused from chunk to chunk.
 */
public final class ByteSink {
    private byte[] buf;
    private int size;

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

    /** Decimal digits of a long (see {@link Ascii#putLong}). */
    public ByteSink putLong(long v) {
        ensure(20);
        size = Ascii.putLong(buf, size, v);
        return this;
    }

    /**
     * An id of the form key x 1,000,000 + n: the rows of a subscriber-day share the key, whose digits are
     * kept from the previous call, so only the last six digits are formatted.
     */
    public ByteSink putId(long v) {
        ensure(IdWriter.MAX_LENGTH);
        size = recordIds.put(buf, size, v);
        return this;
    }

    /** Digits of a non-negative long. */
    static int digitCount(long v) {
        return Ascii.digitCount(v);
    }

    /** ISO-8601 UTC with milliseconds, e.g. 2026-01-01T08:15:30.123Z. */
    public ByteSink putTimestamp(long epochMs) {
        ensure(TimestampWriter.LENGTH);
        size = timestamps.put(buf, size, epochMs);
        return this;
    }

    /** "YYYY-MM-DD" of an epoch day, as {@code LocalDate.ofEpochDay(epochDay).toString()}. */
    public ByteSink putDate(long epochDay) {
        ensure(32);
        size = DateWriter.put(buf, size, epochDay);
        return this;
    }

    /**
     * Makes room for {@code n} more bytes and returns the array to write them into, from {@link #size()}
     * on; {@link #commit} then says where the written bytes end. For a formatter that writes a whole row with
     * the {@link Ascii} writers, one length check per row instead of one per field.
     */
    byte[] reserve(int n) {
        ensure(n);
        return buf;
    }

    /** Ends a write begun by {@link #reserve}: the bytes up to {@code newSize} are the sink's. */
    void commit(int newSize) {
        size = newSize;
    }

    /** The sink's timestamp writer, with its cached day (for a formatter writing through {@link #reserve}). */
    TimestampWriter timestamps() {
        return timestamps;
    }

    /** The writer of record ids and the one of call references (each caches the key it saw last). */
    IdWriter recordIds() {
        return recordIds;
    }

    IdWriter callReferences() {
        return callReferences;
    }

    private final TimestampWriter timestamps = new TimestampWriter();
    private final IdWriter recordIds = new IdWriter();
    /** Apart from the record ids: an MT leg's call reference carries its caller's key, not the row's. */
    private final IdWriter callReferences = new IdWriter();

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
