package org.cdrgen.generate;

import java.util.List;

/**
 * Number ranges of a numbering plan (national prefixes of one national number length, after a country
 * code) laid end to end as one index space [0, size): index i is the i-th number of the joined ranges,
 * as an E.164 number (a long; digits without '+').
 */
final class NumberRangeSet {
    /** Per range: its first index in the joined space (plus the total at the end), and its first number. */
    private final long[] rangeStart;
    private final long[] rangeFirstNumber;

    NumberRangeSet(String countryCode, List<String> prefixes, int nationalNumberLength) {
        this.rangeStart = new long[prefixes.size() + 1];
        this.rangeFirstNumber = new long[prefixes.size()];
        long countryPart = Long.parseLong(countryCode) * pow10(nationalNumberLength);
        for (int r = 0; r < prefixes.size(); r++) {
            String prefix = prefixes.get(r);
            long rangeSize = pow10(nationalNumberLength - prefix.length());
            rangeFirstNumber[r] = countryPart + Long.parseLong(prefix) * rangeSize;
            rangeStart[r + 1] = rangeStart[r] + rangeSize;
        }
    }

    long size() {
        return rangeStart[rangeStart.length - 1];
    }

    /** The number at an index of [0, size). A linear scan: a plan lists a handful of ranges. */
    long numberAt(long index) {
        int r = 0;
        while (index >= rangeStart[r + 1]) {
            r++;
        }
        return rangeFirstNumber[r] + (index - rangeStart[r]);
    }

    /**
     * A number drawn from a hash: a range chosen evenly (so UK 0800 is as likely as 03, although 03 holds
     * a hundred times as many numbers), then a number evenly inside it.
     */
    long numberOf(long hash) {
        int r = (int) ((hash >>> 32) * rangeFirstNumber.length >>> 32);
        long size = rangeStart[r + 1] - rangeStart[r];
        return rangeFirstNumber[r] + Long.remainderUnsigned(Seeds.mix(hash), size);
    }

    static long pow10(int digits) {
        long m = 1;
        for (int i = 0; i < digits; i++) {
            m *= 10;
        }
        return m;
    }
}
