package org.cdrgen.generate;

import org.cdrgen.model.Handset;
import org.cdrgen.model.Subscriber;

/**
 * A subscriber as seen on one day: identity, the phone in use, where abroad (-1 at home), whether the line
 * has this holder that day (no rows otherwise), whether they are away with the phone off (no rows of their
 * own, calls to them fail), and the day's mood (a multiplier on their activity) and the day before's (for the
 * sessions of that day that run into this one). Only a chunk's own subscribers have moods; a callee's day
 * (built for an MT leg) has NaN there: nothing of theirs is generated from it.
 */
record PartyDay(Subscriber subscriber, Handset handset, int roamingPlmn, boolean active, boolean away, double mood,
        double moodDayBefore) {
    boolean roaming() {
        return roamingPlmn >= 0;
    }
}
