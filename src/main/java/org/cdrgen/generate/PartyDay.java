package org.cdrgen.generate;

import org.cdrgen.model.Handset;
import org.cdrgen.model.Subscriber;

/**
 * A subscriber as seen on one day: identity, the phone in use, where abroad (-1 at home), and whether the
 * line is active yet (a line has no rows before its activation day).
 */
record PartyDay(Subscriber subscriber, Handset handset, int roamingPlmn, boolean active) {
    boolean roaming() {
        return roamingPlmn >= 0;
    }
}
