package org.cdrgen.generate;

/**
 * A service's 24-hour profiles, weekday and weekend, as alias tables over the hours of a local day, also
 * turned for a subscriber abroad: someone whose clock is k hours ahead of home does at home hour h what
 * people do at h + k. Built once per run for every whole-hour shift.
 */
final class HourTables {
    static final int MAX_SHIFT = 23;
    private final WeightedTable[][] tables = new WeightedTable[2][2 * MAX_SHIFT + 1];

    HourTables(double[] weekday, double[] weekend) {
        for (int shift = -MAX_SHIFT; shift <= MAX_SHIFT; shift++) {
            tables[0][shift + MAX_SHIFT] = new WeightedTable(turned(weekday, shift));
            tables[1][shift + MAX_SHIFT] = new WeightedTable(turned(weekend, shift));
        }
    }

    private static double[] turned(double[] hourly, int shift) {
        double[] out = new double[hourly.length];
        for (int h = 0; h < hourly.length; h++) {
            out[h] = hourly[Math.floorMod(h + shift, hourly.length)];
        }
        return out;
    }

    WeightedTable table(boolean weekend, int shift) {
        return tables[weekend ? 1 : 0][Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, shift)) + MAX_SHIFT];
    }
}
