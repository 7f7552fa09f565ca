package org.cdrgen.model;

import java.nio.charset.StandardCharsets;

/**
 * One version of a line's subscriber: its holder (plan, places, habits) with the SIM and phone of a stretch of
 * days. Everything here is a pure function of (seed, line, day), so any worker can rebuild any subscriber (for
 * instance the callee of an on-net call). The identity fields are kept as ASCII bytes because every row of
 * this subscriber writes them.
 */
public final class Subscriber {
    /** The line (slot) in the base, 0..N-1; a recycled number keeps its line. */
    public final int id;
    /** Which holder of the line: 0 for the first, +1 each time the number is recycled to a new subscriber. */
    public final int tenure;
    /** The key of this holder's own random streams. */
    public final long personId;
    public final Plan plan;
    /** Multiplier on the profile's daily rates: heavy-tailed across the population, mean about 1. */
    public final double activity;
    /** {@link #activity} times a personal taste for each service (some people call, others text). */
    public final double voiceLevel;
    public final double smsLevel;
    public final double dataLevel;
    public final byte[] imsi;
    public final long msisdn;
    public final byte[] msisdnBytes;
    /** The holder's first day on the line. */
    public final long activationEpochDay;
    /** This version's days: validFrom inclusive, validTo exclusive (empty when the line has no holder). */
    public final long validFromEpochDay;
    public final long validToEpochDay;
    /** The line's phone generation (phones counted over all its holders). */
    public final int phoneGeneration;
    /** Why this version began (null for a line without a holder that day). */
    public final VersionChange began;
    public final int homeSite;
    /** Equal to {@link #homeSite} for people without a separate work place. */
    public final int workSite;
    /** Where the home is on the country's map (km east, north of its origin): the holder's outings start there. */
    public final double homeX;
    public final double homeY;
    /** How far this person ranges on outings (a multiplier of the profile's jump lengths, log-normal). */
    public final double range;
    /** The sector of each place this subscriber usually sees (home, work, other...). */
    public final int homeSector;
    public final int workSector;

    public Subscriber(int id, int tenure, long personId, Plan plan, double activity, double voiceLevel, double smsLevel,
            double dataLevel, byte[] imsi, long msisdn, long activationEpochDay, long validFromEpochDay,
            long validToEpochDay, int phoneGeneration, VersionChange began, int homeSite, int homeSector, int workSite, int workSector,
            double homeX, double homeY, double range) {
        this.id = id;
        this.tenure = tenure;
        this.personId = personId;
        this.plan = plan;
        this.activity = activity;
        this.voiceLevel = voiceLevel;
        this.smsLevel = smsLevel;
        this.dataLevel = dataLevel;
        this.imsi = imsi;
        this.msisdn = msisdn;
        this.msisdnBytes = Long.toString(msisdn).getBytes(StandardCharsets.US_ASCII);
        this.activationEpochDay = activationEpochDay;
        this.validFromEpochDay = validFromEpochDay;
        this.validToEpochDay = validToEpochDay;
        this.phoneGeneration = phoneGeneration;
        this.began = began;
        this.homeSite = homeSite;
        this.homeSector = homeSector;
        this.workSite = workSite;
        this.workSector = workSector;
        this.homeX = homeX;
        this.homeY = homeY;
        this.range = range;
    }

    /** Whether this version (holder, SIM and phone) is the line's identity on a day: only then has it rows. */
    public boolean activeOn(long epochDay) {
        return epochDay >= validFromEpochDay && epochDay < validToEpochDay;
    }

    public boolean hasWorkPlace() {
        return workSite != homeSite;
    }
}
