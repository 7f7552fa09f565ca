package org.cdrgen.config;

import org.cdrgen.model.RatType;

/**
 * A handset model: its type allocation codes (the first 8 IMEI digits), the best RAT it supports and its
 * share of phones. A model owns the consecutive TACs {@code tac .. tac + tac_count - 1}, each holding 10^6
 * serial numbers: a popular model needs many TACs at a large population, as real models have several.
 */
public record Device(String tac, String model, RatType bestRat, double share, int tacCount) {
    /** Serial numbers behind one TAC: IMEI digits 9..14. */
    public static final int SERIALS_PER_TAC = 1_000_000;
    static final int MAX_TAC_COUNT = 10_000;

    void validate(String key) {
        Checks.digits(key + ".tac", tac, 8, 8);
        Checks.required(key + ".model", model);
        Checks.required(key + ".best_rat", bestRat);
        Checks.range(key + ".share", share, 0, 1e6);
        Checks.range(key + ".tac_count", tacCount, 1, MAX_TAC_COUNT);
        Checks.range(key + ".tac_count", tacCount, 1, 100_000_000 - firstTac());
    }

    /** The model's first TAC as a number. */
    public long firstTac() {
        return Long.parseLong(tac);
    }

    /** The model's last TAC as a number. */
    public long lastTac() {
        return firstTac() + tacCount - 1;
    }
}
