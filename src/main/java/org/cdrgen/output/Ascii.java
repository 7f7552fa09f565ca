package org.cdrgen.output;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writers of ASCII text straight into a byte array at a position, returning the position after what they
 * wrote. The caller has made room first ({@link ByteSink#reserve}), so none checks the array's length or
 * updates a field per byte: a row formatter keeps its position in a register from the first field to the
 * last. Numbers go out several digits per store, from tables of ASCII pairs and quadruples.
 */
final class Ascii {
    static final byte COMMA = ',';

    /** "00".."99" as big-endian shorts. */
    private static final short[] TWO_DIGITS = new short[100];
    /** "0000".."9999" as big-endian ints. */
    private static final int[] FOUR_DIGITS = new int[10_000];
    private static final long[] POWERS_OF_TEN = new long[19];

    static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** For copies only: bytes read and written in the same order, so the byte order does not matter. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    static {
        for (int n = 0; n < 100; n++) {
            TWO_DIGITS[n] = (short) (('0' + n / 10) << 8 | ('0' + n % 10));
        }
        for (int n = 0; n < 10_000; n++) {
            FOUR_DIGITS[n] = ('0' + n / 1000) << 24 | ('0' + n / 100 % 10) << 16 | ('0' + n / 10 % 10) << 8
                    | ('0' + n % 10);
        }
        long p = 1;
        for (int i = 0; i < 19; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Ascii() {
    }

    /**
     * A copy of a short array (the identities, codes and names of a row: 2-16 bytes): one or two overlapping
     * word stores instead of a call to the array-copy stub, which costs more than the copy at these sizes.
     */
    static int copy(byte[] src, byte[] b, int p) {
        int n = src.length;
        if (n >= 8) {
            if (n > 16) {
                System.arraycopy(src, 0, b, p, n);
            } else {
                LONG.set(b, p, (long) LONG.get(src, 0));
                LONG.set(b, p + n - 8, (long) LONG.get(src, n - 8));
            }
        } else if (n >= 4) {
            INT.set(b, p, (int) INT.get(src, 0));
            INT.set(b, p + n - 4, (int) INT.get(src, n - 4));
        } else {
            for (int i = 0; i < n; i++) {
                b[p + i] = src[i];
            }
        }
        return p + n;
    }

    /** The first {@code n} bytes of {@code src}, as {@link #copy(byte[], byte[], int)} does the whole array. */
    static int copy(byte[] src, int n, byte[] b, int p) {
        if (n >= 8 && n <= 16) {
            LONG.set(b, p, (long) LONG.get(src, 0));
            LONG.set(b, p + n - 8, (long) LONG.get(src, n - 8));
        } else {
            System.arraycopy(src, 0, b, p, n);
        }
        return p + n;
    }

    /**
     * Decimal digits of a long. One and two digits (causes, counts, sequence numbers: a third of a row's
     * numbers) are written here; longer ones by {@link #putDigits}, kept out of line so that the many call
     * sites of this method each inline only the short path.
     */
    static int putLong(byte[] b, int p, long v) {
        if (v >= 0 && v < 100) {
            if (v < 10) {
                b[p] = (byte) ('0' + v);
                return p + 1;
            }
            SHORT_BE.set(b, p, TWO_DIGITS[(int) v]);
            return p + 2;
        }
        return putDigits(b, p, v);
    }

    /**
     * Any long, written from the right: eight digits per long division (the 8-digit part then in int
     * arithmetic, four digits per int store); a division per digit was the bottleneck once.
     */
    static int putDigits(byte[] b, int p, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return copy(Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII), b, p);
            }
            b[p++] = '-';
            v = -v;
        }
        int start = p;
        int end = p + digitCount(v);
        int pos = end;
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
            INT_BE.set(b, pos - 4, FOUR_DIGITS[i - q * 10_000]);
            pos -= 4;
            i = q;
        }
        switch (pos - start) {
            case 4 -> INT_BE.set(b, start, FOUR_DIGITS[i]);
            case 3 -> {
                int q = i / 100;
                b[start] = (byte) ('0' + q);
                SHORT_BE.set(b, start + 1, TWO_DIGITS[i - q * 100]);
            }
            case 2 -> SHORT_BE.set(b, start, TWO_DIGITS[i]);
            case 1 -> b[start] = (byte) ('0' + i);
            default -> throw new IllegalStateException("digit count " + (end - start) + " of " + v);
        }
        return end;
    }

    /** Exactly eight digits of {@code value} (below 10^8, zero-padded), ending at {@code end}. */
    private static void putEightDigits(byte[] b, int end, int value) {
        int high = value / 10_000;
        INT_BE.set(b, end - 4, FOUR_DIGITS[value - high * 10_000]);
        INT_BE.set(b, end - 8, FOUR_DIGITS[high]);
    }

    /** Exactly six digits of {@code value} (below 10^6, zero-padded), from {@code p}. */
    static int putSixDigits(byte[] b, int p, int value) {
        int high = value / 10_000;
        SHORT_BE.set(b, p, TWO_DIGITS[high]);
        INT_BE.set(b, p + 2, FOUR_DIGITS[value - high * 10_000]);
        return p + 6;
    }

    /** Exactly two digits (below 100). */
    static void putTwoDigits(byte[] b, int p, int value) {
        SHORT_BE.set(b, p, TWO_DIGITS[value]);
    }

    /** Exactly four digits (below 10,000) as a big-endian int, for callers that combine them with other bytes. */
    static int fourDigits(int value) {
        return FOUR_DIGITS[value];
    }

    /** Digits of a non-negative long: estimated from its bit length (log10(2) ~ 77/256), corrected by one compare. */
    static int digitCount(long v) {
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        int estimate = (bits * 77) >>> 8;
        return Math.max(1, estimate + (v >= POWERS_OF_TEN[estimate] ? 1 : 0));
    }
}
