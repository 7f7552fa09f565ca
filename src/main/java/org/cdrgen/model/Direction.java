package org.cdrgen.model;

/** Mobile originated or terminated, seen from the served subscriber. */
public enum Direction {
    MO, MT
}
