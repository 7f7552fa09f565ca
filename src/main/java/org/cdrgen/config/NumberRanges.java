package org.cdrgen.config;

import java.util.List;

/**
 * Checks of a list of national number prefixes (number ranges of a numbering plan): each a few digits,
 * shorter than the national number, and no prefix inside another (or numbers would belong to two ranges).
 */
final class NumberRanges {
    private NumberRanges() {
    }

    static void check(String key, List<String> prefixes, int nationalNumberLength) {
        Checks.nonEmpty(key, prefixes);
        int maxLength = Math.min(4, nationalNumberLength - 4);
        for (int i = 0; i < prefixes.size(); i++) {
            Checks.digits(key + "[" + i + "]", prefixes.get(i), 1, maxLength);
        }
        for (int i = 0; i < prefixes.size(); i++) {
            for (int j = 0; j < prefixes.size(); j++) {
                if (i != j && prefixes.get(j).startsWith(prefixes.get(i))) {
                    throw new ConfigException("key '" + key + "' lists \"" + prefixes.get(i) + "\" and \""
                            + prefixes.get(j) + "\": ranges must not overlap (one prefix may not start another)");
                }
            }
        }
    }

    /** How many national numbers of the given length the ranges hold. */
    static long capacity(List<String> prefixes, int nationalNumberLength) {
        long total = 0;
        for (String prefix : prefixes) {
            long size = 1;
            for (int d = prefix.length(); d < nationalNumberLength; d++) {
                size *= 10;
            }
            total += size;
        }
        return total;
    }

    /** Whether some range of {@code a} shares numbers with some range of {@code b}. */
    static boolean overlaps(List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.startsWith(y) || y.startsWith(x)) {
                    return true;
                }
            }
        }
        return false;
    }
}
