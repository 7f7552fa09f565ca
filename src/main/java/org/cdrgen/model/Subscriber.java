package org.cdrgen.model;

import java.nio.charset.StandardCharsets;

/**
 * One subscriber: fixed identity, plan, places and habits. Everything here is a pure function of
 * (seed, subscriber id), so any worker can rebuild any subscriber (for instance the callee of an on-net call).
 * The identity fields are kept as ASCII bytes because every row of this subscriber writes them.
 */
public final class Subscriber {
    public final int id;
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
    public final long activationEpochDay;
    public final int homeSite;
    /** Equal to {@link #homeSite} for people without a separate work place. */
    public final int workSite;
    public final int[] otherSites;
    /** The sector of each place this subscriber usually sees (home, work, other...). */
    public final int homeSector;
    public final int workSector;

    public Subscriber(int id, Plan plan, double activity, double voiceLevel, double smsLevel, double dataLevel, byte[] imsi, long msisdn, long activationEpochDay,
            int homeSite, int homeSector, int workSite, int workSector, int[] otherSites) {
        this.id = id;
        this.plan = plan;
        this.activity = activity;
        this.voiceLevel = voiceLevel;
        this.smsLevel = smsLevel;
        this.dataLevel = dataLevel;
        this.imsi = imsi;
        this.msisdn = msisdn;
        this.msisdnBytes = Long.toString(msisdn).getBytes(StandardCharsets.US_ASCII);
        this.activationEpochDay = activationEpochDay;
        this.homeSite = homeSite;
        this.homeSector = homeSector;
        this.workSite = workSite;
        this.workSector = workSector;
        this.otherSites = otherSites;
    }

    /** A line has no rows before its activation day. */
    public boolean activeOn(long epochDay) {
        return epochDay >= activationEpochDay;
    }

    public boolean hasWorkPlace() {
        return workSite != homeSite;
    }
}
