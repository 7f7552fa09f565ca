package org.cdrgen.inspect;

/** Shares of a whole; a share of nothing is NaN ("no data"), not 0, so it is not mistaken for a measurement. */
final class Fractions {
    private Fractions() {
    }

    static double share(double part, double whole) {
        return whole == 0 ? Double.NaN : part / whole;
    }
}
