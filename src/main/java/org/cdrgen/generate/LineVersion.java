package org.cdrgen.generate;

import org.cdrgen.model.VersionChange;

/**
 * One stretch of a line's calendar during which its identity is fixed: one holder (tenure), one SIM and one
 * phone. Days are epoch days; {@code validTo} and {@code tenureEnd} are the first day after, or
 * {@link LineHistory#NEVER}.
 *
 * @param tenure which holder of the line: 0 for the first, +1 each time the number is recycled
 * @param personId the key of the holder's own random streams (plan, places, contacts, ...)
 * @param sim the line's SIM serial, counted over all its holders (the IMSI is a function of it)
 * @param phone the line's phone generation, counted over all its holders (the IMEI is a function of it)
 * @param ended why it ended, or null while it lasts beyond the days asked about
 */
record LineVersion(int line, int tenure, long personId, long tenureStart, long tenureEnd, long validFrom,
        long validTo, int sim, int phone, VersionChange began, VersionChange ended) {

    boolean validOn(long epochDay) {
        return epochDay >= validFrom && epochDay < validTo;
    }
}
