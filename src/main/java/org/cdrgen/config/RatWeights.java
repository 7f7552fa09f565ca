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

    /** Shares of sites; one layer must be on every site (share 1) so every site can serve every device. */
    void validateAsShares(String key) {
        Checks.range(key + ".geran", geran, 0, 1);
        Checks.range(key + ".utran", utran, 0, 1);
        Checks.range(key + ".eutran", eutran, 0, 1);
        Checks.range(key + ".nr", nr, 0, 1);
        if (Math.max(Math.max(geran, utran), Math.max(eutran, nr)) < 1) {
            throw new ConfigException("key '" + key + "' needs one layer on every site: set one of geran, utran,"
                    + " eutran, nr to 1");
        }
    }
}
