package org.cdrgen.config;

import org.cdrgen.model.RatType;

/** A handset model: its type allocation code (first 8 IMEI digits) and the best RAT it supports. */
public record Device(String tac, String model, RatType bestRat, double share) {
    void validate(String key) {
        Checks.digits(key + ".tac", tac, 8, 8);
        Checks.required(key + ".model", model);
        Checks.required(key + ".best_rat", bestRat);
        Checks.range(key + ".share", share, 0, 1e6);
    }
}
