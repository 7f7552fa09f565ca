package org.cdrgen.model;

/** One row of subscribers.csv; mutable and reused, like {@link EventRow}. -1 means "empty" for numbers. */
public final class SubscriberRow {
    public int subscriberId;
    public byte[] servedImsi;
    public byte[] servedMsisdn;
    public byte[] servedImei;
    public Plan plan;
    public long activationEpochDay;
    public long homeCellId;
    /** -1 for a subscriber without a separate work place. */
    public long workCellId;
    /** The best radio the subscriber's device supports. */
    public RatType deviceRat;
    /** The home cell's key in cells.csv is (homeRat, homeTac, homeCellId): GERAN/UTRAN CIs repeat per LAC. */
    public RatType homeRat;
    public int homeTac;
    /** null / -1 without a separate work place. */
    public RatType workRat;
    public int workTac;
}
