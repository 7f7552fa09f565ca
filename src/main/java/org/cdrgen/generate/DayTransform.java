package org.cdrgen.generate;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A scenario: a change to a subscriber-day's rows before they reach the sink (a fraud burst, an outage, a
 * roaming wave). It sees the day's rows after every service has made them and before they are sorted and
 * numbered, and draws only from its own stream, so a run without transforms is byte for byte a run of the
 * plain model, and one transform never moves the draws of another.
 */
public interface DayTransform {
    /** A name, unique among a run's transforms: it keys the transform's random stream. */
    String name();

    /** Edits the rows of one subscriber-day in place (add, change, drop). */
    void apply(DayRows rows, UniformRandomProvider random);
}
