package org.cdrgen.schema;

/**
 * What a CSV field holds, independent of any database: the renderers in {@link Ddl} map each type to a
 * dialect's. Identifiers made of digits (IMSI, MSISDN, IMEI, MCC, MNC) are {@link #TEXT}: as numbers they
 * would lose leading zeros ("01" as an MNC) and could overflow.
 */
public enum ColumnType {
    /** Decimal digits that fit a signed 64-bit integer. */
    LONG,
    /** Decimal digits that fit a signed 32-bit integer. */
    INT,
    /** A decimal number such as {@code 51.474618}. */
    DOUBLE,
    /** ISO-8601 in UTC with milliseconds and {@code Z}: {@code 2026-03-02T08:15:30.123Z}. */
    TIMESTAMP,
    /** ISO-8601 calendar date: {@code 2026-03-02}. */
    DATE,
    /** Any text: identifiers, enumeration words, free text. */
    TEXT,
    /** {@code true} or {@code false}. */
    BOOLEAN;

    /** Whether the field is a whole number, read with {@link Long#parseLong}. */
    public boolean isInteger() {
        return this == LONG || this == INT;
    }
}
