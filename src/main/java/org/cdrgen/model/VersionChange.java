package org.cdrgen.model;

/** Why a subscriber version (a row of the subscribers history) begins or ends. */
public enum VersionChange {
    /** A new holder of the line: the first one, or a new subscriber on a recycled number. */
    ACTIVATION,
    PHONE_CHANGE,
    SIM_CHANGE,
    PHONE_AND_SIM_CHANGE,
    /** The holder left; the number rests in quarantine before it is recycled. */
    CHURN
}
