package org.cdrgen.generate;

import org.cdrgen.model.Handset;
import org.cdrgen.model.Subscriber;

/** A subscriber as seen on one day: identity, the phone in use, and where abroad (-1 at home). */
record PartyDay(Subscriber subscriber, Handset handset, int roamingPlmn) {
    boolean roaming() {
        return roamingPlmn >= 0;
    }
}
