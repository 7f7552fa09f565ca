package org.cdrgen.config;

import java.util.List;

/** Range checks that name the offending key, so a user can fix a profile from the message alone. */
final class Checks {
    private Checks() {
    }

    static void range(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException("key '" + key + "' = " + plain(value) + " is out of range: allowed "
                    + plain(min) + ".." + plain(max));
        }
    }

    static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException("key '" + key + "' = " + value + " is out of range: allowed " + min + ".." + max);
        }
    }

    static void digits(String key, String value, int minLength, int maxLength) {
        required(key, value);
        if (!value.matches("[0-9]{" + minLength + "," + maxLength + "}")) {
            throw new ConfigException("key '" + key + "' = \"" + value + "\" must be " + minLength
                    + (minLength == maxLength ? "" : ".." + maxLength) + " digits");
        }
    }

    static void required(String key, Object value) {
        if (value == null) {
            throw new ConfigException("key '" + key + "' is missing");
        }
    }

    static void nonEmpty(String key, List<?> list) {
        required(key, list);
        if (list.isEmpty()) {
            throw new ConfigException("key '" + key + "' must list at least one entry");
        }
    }

    /** Weights of a discrete choice: each in [0, max], and not all zero. */
    static void weights(String key, double... weights) {
        required(key, weights);
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            range(key + "[" + i + "]", weights[i], 0, 1e6);
            sum += weights[i];
        }
        if (sum <= 0) {
            throw new ConfigException("key '" + key + "' has weights that sum to 0: at least one must be > 0");
        }
    }

    static void hourly(String key, double[] weights) {
        required(key, weights);
        if (weights.length != 24) {
            throw new ConfigException("key '" + key + "' must list 24 hourly weights (00h..23h), found " + weights.length);
        }
        weights(key, weights);
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
