package org.cdrgen.model;

/** Radio access technology, named as in TS 29.274; declared in capability order (a device that supports one supports those before it). */
public enum RatType {
    GERAN, UTRAN, EUTRAN, NR
}
