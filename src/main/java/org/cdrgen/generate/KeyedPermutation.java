package org.cdrgen.generate;

/**
 * A keyed bijection of [0, size): a Feistel network on a width x high grid (width about sqrt(size)),
 * walked along its cycle until it lands below size. Distinct inputs give distinct outputs, and consecutive
 * inputs give unrelated ones (no constant step between neighbours, unlike an affine map).
 */
final class KeyedPermutation {
    private static final int ROUNDS = 8;

    private final long size;
    private final long width;
    private final long high;
    private final long[] roundKeys = new long[ROUNDS];

    KeyedPermutation(long size, long key) {
        if (size < 1 || size > 10_000_000_000_000_000L) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        this.size = size;
        long w = (long) Math.ceil(Math.sqrt(size));
        while (w > 1 && (w - 1) * (w - 1) >= size) {
            w--;
        }
        this.width = Math.max(1, w);
        this.high = (size + width - 1) / width;
        long k = key;
        for (int i = 0; i < ROUNDS; i++) {
            k = Seeds.mix(k + 0x9e3779b97f4a7c15L);
            roundKeys[i] = k;
        }
    }

    long size() {
        return size;
    }

    long permute(long x) {
        long y = x;
        do {
            y = rounds(y);
        } while (y >= size);
        return y;
    }

    /** The x with {@code permute(x) == y}: the Feistel rounds backwards, walking the cycle the other way. */
    long inverse(long y) {
        long x = y;
        do {
            x = inverseRounds(x);
        } while (x >= size);
        return x;
    }

    private long inverseRounds(long y) {
        long hi = y / width;
        long lo = y - hi * width;
        for (int i = ROUNDS - 2; i >= 0; i -= 2) {
            lo = subMod(lo, below(Seeds.mix(roundKeys[i + 1] ^ hi), width), width);
            hi = subMod(hi, below(Seeds.mix(roundKeys[i] ^ lo), high), high);
        }
        return hi * width + lo;
    }

    private static long subMod(long a, long b, long m) {
        long d = a - b;
        return d < 0 ? d + m : d;
    }

    private long rounds(long x) {
        long hi = x / width;
        long lo = x - hi * width;
        for (int i = 0; i < ROUNDS; i += 2) {
            hi = addMod(hi, below(Seeds.mix(roundKeys[i] ^ lo), high), high);
            lo = addMod(lo, below(Seeds.mix(roundKeys[i + 1] ^ hi), width), width);
        }
        return hi * width + lo;
    }

    /** A hash scaled into [0, n) by multiplication (no modulo bias worth the name, no division). */
    private static long below(long hash, long n) {
        return ((hash >>> 32) * n) >>> 32;
    }

    private static long addMod(long a, long b, long m) {
        long sum = a + b;
        return sum >= m ? sum - m : sum;
    }
}
