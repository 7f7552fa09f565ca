package org.cdrgen.config;

/** The mix of off-net party kinds: weights, normalised when drawn. */
public record OtherPartyShares(
        double otherMobile,
        double fixedLine,
        double international,
        double shortCode,
        double service,
        double shared) {

    void validate(String key) {
        Checks.weights(key, asArray());
    }

    /** In the order of the field names above (the order the generator draws them in). */
    public double[] asArray() {
        return new double[] {otherMobile, fixedLine, international, shortCode, service, shared};
    }
}
