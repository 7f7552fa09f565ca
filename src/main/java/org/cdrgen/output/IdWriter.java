package org.cdrgen.output;

/**
 * Writes ids of the form key x 1,000,000 + n (record ids, call references): the rows of a subscriber-day
 * share the key, whose digits are kept from the previous call, so most ids cost a copy of the key's digits
 * and six digits from two table stores.
 */
final class IdWriter {
    /** The most bytes one id takes: a long's 19 digits and a sign. */
    static final int MAX_LENGTH = 20;
    private static final long PER_KEY = 1_000_000L;

    private long cachedKey = -1;
    private final byte[] keyDigits = new byte[MAX_LENGTH];
    private int keyLength;

    /** Writes {@code v} at {@code p} (room for {@link #MAX_LENGTH} bytes made by the caller); returns the end. */
    int put(byte[] b, int p, long v) {
        long key = v / PER_KEY;
        if (key == 0 || v < 0) {
            return Ascii.putLong(b, p, v);
        }
        if (key != cachedKey) {
            cacheKey(key);
        }
        p = Ascii.copy(keyDigits, keyLength, b, p);
        return Ascii.putSixDigits(b, p, (int) (v - key * PER_KEY));
    }

    private void cacheKey(long key) {
        keyLength = Ascii.putDigits(keyDigits, 0, key);
        cachedKey = key;
    }
}
