package org.cdrgen.config;

/** One number per radio access technology, in capability order GERAN < UTRAN < EUTRAN < NR. */
public record RatWeights(double geran, double utran, double eutran, double nr) {
    /** Values indexed by {@link org.cdrgen.model.RatType#ordinal()}. */
    public double[] toArray() {
        return new double[] {geran, utran, eutran, nr};
    }

    void validateAsWeights(String key) {
        Checks.weights(key, toArray());
    }

    void validateAsShares(String key) {
        Checks.range(key + ".geran", geran, 0, 1);
        Checks.range(key + ".utran", utran, 0, 1);
        Checks.range(key + ".eutran", eutran, 1, 1);
        Checks.range(key + ".nr", nr, 0, 1);
    }
}
