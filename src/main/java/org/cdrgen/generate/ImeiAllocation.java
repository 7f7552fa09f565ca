package org.cdrgen.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cdrgen.config.ConfigException;
import org.cdrgen.config.Device;
import org.cdrgen.model.Luhn;

/**
 * Which model a phone is and which IMEI it has, such that no two phones in use on the same day share an
 * IMEI, as a pure function of (seed, subscriber id, phone generation): no counter, no table, any worker
 * computes anyone's phone alone.
 *
 * <p>How: phone generations fall into {@link #GENERATION_CLASSES} classes (generation mod 8). Per class a
 * keyed permutation gives each of the N subscribers a distinct position in [0, N); positions are cut into
 * one run per model, sized by the models' shares, so a model's phones of one class have distinct ranks
 * 0..count-1. A phone's slot within its model is rank * 8 + class, and slot s is serial
 * permute(s mod 10^6) behind TAC first_tac + s / 10^6. Two phones in use together belong to two
 * subscribers (one phone each at a time): same class means distinct positions, different classes distinct
 * slots; consecutive phones of one subscriber differ in class. The price: a subscriber's ninth phone is
 * again the first one (model and IMEI), eight swaps later (about 18 years at the default 0.0012 a day;
 * with 4 classes 12% of subscribers had their first phone back within 5 years). A model therefore needs
 * TACs for 8 x share x N phones: real models have several TACs, and the profiles give each enough.
 */
final class ImeiAllocation {
    static final int GENERATION_CLASSES = 8;
    static final int IMEI_DIGITS = 15;

    private final long[] modelStart;
    private final long[] firstTac;
    private final long[] positionKeys = new long[GENERATION_CLASSES];
    private final long subscribers;
    private final int positionHalfBits;
    private final long serialKey;

    ImeiAllocation(long seed, int subscribers, List<Device> devices) {
        long base = Seeds.hash(seed, 0, 0, Seeds.Purpose.DEVICE);
        for (int c = 0; c < GENERATION_CLASSES; c++) {
            positionKeys[c] = Seeds.hash(base, c);
        }
        serialKey = Seeds.hash(base, GENERATION_CLASSES);
        this.subscribers = Math.max(1, subscribers);
        this.positionHalfBits = halfBitsFor(this.subscribers);
        modelStart = modelStarts(subscribers, devices);
        firstTac = new long[devices.size()];
        for (int m = 0; m < devices.size(); m++) {
            firstTac[m] = devices.get(m).firstTac();
            checkCapacity(m, devices.get(m), subscribers);
        }
    }

    /** Cumulative shares over [0, N): model m owns positions modelStart[m] .. modelStart[m + 1] - 1. */
    private static long[] modelStarts(int subscribers, List<Device> devices) {
        double total = 0;
        for (Device d : devices) {
            total += d.share();
        }
        long[] starts = new long[devices.size() + 1];
        double cumulative = 0;
        for (int m = 0; m < devices.size(); m++) {
            starts[m] = Math.min(subscribers, (long) Math.floor(subscribers * (cumulative / total)));
            cumulative += devices.get(m).share();
        }
        starts[devices.size()] = subscribers;
        return starts;
    }

    private void checkCapacity(int m, Device device, int subscribers) {
        long needed = (modelStart[m + 1] - modelStart[m]) * GENERATION_CLASSES;
        long neededTacs = (needed + Device.SERIALS_PER_TAC - 1) / Device.SERIALS_PER_TAC;
        if (neededTacs > device.tacCount()) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "key 'population.devices[%d].tac_count' = %d is too small for %,d subscribers: %s takes %,d"
                            + " phone slots (%d generations kept apart x its share), which need at least %d TACs"
                            + " of %,d serials", m, device.tacCount(), subscribers, device.model(), needed,
                    GENERATION_CLASSES, neededTacs, Device.SERIALS_PER_TAC));
        }
    }

    /** The subscriber's position among all subscribers' phones of that generation class. */
    long position(int id, int generation) {
        return shufflePosition(id, subscribers, positionHalfBits, positionKeys[generation & (GENERATION_CLASSES - 1)]);
    }

    /** The model (index into the profile's devices) at a position. */
    int modelAt(long position) {
        int i = Arrays.binarySearch(modelStart, position);
        // An exact hit may be the start of several runs when shares are 0: the last of them is non-empty.
        if (i >= 0) {
            while (i + 1 < modelStart.length && modelStart[i + 1] == position) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** The 15 IMEI digits (TAC, serial, Luhn digit) of the phone at a position, as ASCII into {@code out}. */
    void write(int model, long position, int generation, byte[] out) {
        long slot = (position - modelStart[model]) * GENERATION_CLASSES + (generation & (GENERATION_CLASSES - 1));
        long tacIndex = slot / Device.SERIALS_PER_TAC;
        long serial = shuffleSerial(slot % Device.SERIALS_PER_TAC,
                serialKey + model * 0x9e3779b97f4a7c15L + tacIndex * 0xc2b2ae3d27d4eb4fL);
        long digits = (firstTac[model] + tacIndex) * Device.SERIALS_PER_TAC + serial;
        for (int i = IMEI_DIGITS - 2; i >= 0; i--) {
            out[i] = (byte) ('0' + digits % 10);
            digits /= 10;
        }
        out[IMEI_DIGITS - 1] = (byte) ('0' + Luhn.checkDigit(out, IMEI_DIGITS - 1));
    }

    /**
     * A keyed bijection of the 10^6 serials behind one TAC, so serials do not count up visibly: a 4-round
     * Feistel network on the two 3-digit halves, with addition mod 1000 (a bijection without cycle walking).
     * Static and allocation-free because the key changes with every (model, TAC).
     */
    static long shuffleSerial(long serial, long key) {
        long left = serial / 1000;
        long right = serial % 1000;
        for (int round = 0; round < 4; round++) {
            long next = (left + ((Seeds.mix(right ^ (key + round * 0xc2b2ae3d27d4eb4fL)) >>> 1) % 1000)) % 1000;
            left = right;
            right = next;
        }
        return left * 1000 + right;
    }

    /** Bits of each half of a binary Feistel network whose 2^(2 halfBits) values cover [0, n). */
    static int halfBitsFor(long n) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        return Math.max(1, (bits + 1) / 2);
    }

    /**
     * A keyed bijection of [0, n): a 4-round binary Feistel network, walked along its cycle until it lands
     * below n. Shifts and masks only (no division), because it runs for every party of every day.
     */
    static long shufflePosition(long x, long n, int halfBits, long key) {
        long mask = (1L << halfBits) - 1;
        do {
            long left = x >>> halfBits;
            long right = x & mask;
            for (int round = 0; round < 4; round++) {
                long next = left ^ (Seeds.mix(right ^ (key + round * 0x9e3779b97f4a7c15L)) & mask);
                left = right;
                right = next;
            }
            x = (left << halfBits) | right;
        } while (x >= n);
        return x;
    }
}
