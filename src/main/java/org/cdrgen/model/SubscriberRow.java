package org.cdrgen.model;

/** One row of subscribers.csv (one version of a line's identity); mutable and reused, like {@link EventRow}. -1 means "empty" for numbers. */
public final class SubscriberRow {
    public int subscriberId;
    public int holder;
    public long validFromEpochDay;
    /** -1 while the version holds on the drop's last day. */
    public long validToEpochDay;
    public VersionChange changeReason;
    /** null while the version holds on the drop's last day. */
    public VersionChange endReason;
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
