package org.cdrgen.model;

/**
 * One output record, mutable and reused: generators fill it, the formatter writes it straight to bytes.
 * Times are epoch milliseconds (UTC); -1 means "empty" for optional numbers.
 */
public final class EventRow {
    public long recordId;
    public EventType eventType;
    public Direction direction;
    /** -1 for DATA. */
    public long callReference = -1;
    public long startMs = -1;
    public long answerMs = -1;
    public long endMs = -1;
    public int durationS;
    public byte[] servedImsi;
    public byte[] servedMsisdn;
    public byte[] servedImei;
    /** -1 for DATA. */
    public long otherPartyMsisdn = -1;
    public boolean otherPartyOnNet;
    public byte[] mcc;
    public byte[] mnc;
    /** -1 when not known (roaming: the visited network's cells are not in cells.csv). */
    public int tac = -1;
    public long cellId = -1;
    public RatType ratType;
    public int causeForTerm = -1;
    public CallDisposition disposition;
    public int releaseCause = -1;
    public SmsStatus smsStatus;
    public int smsSegments;
    public byte[] apn;
    public long bytesUplink = -1;
    public long bytesDownlink = -1;
    public long chargingId = -1;
    public int recordSequenceNumber;
    public boolean roaming;
    /** "MCC-MNC" when roaming, else null. */
    public byte[] visitedPlmn;
    public byte[] recordingEntity;

    /** A row with every field at its "empty" value: what {@link #clear} copies. */
    private static final EventRow EMPTY = new EventRow();

    /** Back to empty; the field list lives once, in {@link #copyFrom}, and the empty values in the declarations. */
    public void clear() {
        copyFrom(EMPTY);
    }

    public void copyFrom(EventRow o) {
        recordId = o.recordId;
        eventType = o.eventType;
        direction = o.direction;
        callReference = o.callReference;
        startMs = o.startMs;
        answerMs = o.answerMs;
        endMs = o.endMs;
        durationS = o.durationS;
        servedImsi = o.servedImsi;
        servedMsisdn = o.servedMsisdn;
        servedImei = o.servedImei;
        otherPartyMsisdn = o.otherPartyMsisdn;
        otherPartyOnNet = o.otherPartyOnNet;
        mcc = o.mcc;
        mnc = o.mnc;
        tac = o.tac;
        cellId = o.cellId;
        ratType = o.ratType;
        causeForTerm = o.causeForTerm;
        disposition = o.disposition;
        releaseCause = o.releaseCause;
        smsStatus = o.smsStatus;
        smsSegments = o.smsSegments;
        apn = o.apn;
        bytesUplink = o.bytesUplink;
        bytesDownlink = o.bytesDownlink;
        chargingId = o.chargingId;
        recordSequenceNumber = o.recordSequenceNumber;
        roaming = o.roaming;
        visitedPlmn = o.visitedPlmn;
        recordingEntity = o.recordingEntity;
    }
}
