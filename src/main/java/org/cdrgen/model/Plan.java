package org.cdrgen.model;

/** A subscriber's tariff plan. */
public enum Plan {
    PREPAID, POSTPAID
}
