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
    public long callReference;
    public long startMs;
    public long answerMs;
    public long endMs;
    public int durationS;
    public byte[] servedImsi;
    public byte[] servedMsisdn;
    public byte[] servedImei;
    /** -1 for DATA. */
    public long otherPartyMsisdn;
    public boolean otherPartyOnNet;
    public byte[] mcc;
    public byte[] mnc;
    /** -1 when not known (roaming: the visited network's cells are not in cells.csv). */
    public int tac;
    public long cellId;
    public RatType ratType;
    public int causeForTerm;
    public CallDisposition disposition;
    public int releaseCause;
    public SmsStatus smsStatus;
    public int smsSegments;
    public byte[] apn;
    public long bytesUplink;
    public long bytesDownlink;
    public long chargingId;
    public int recordSequenceNumber;
    public boolean roaming;
    /** "MCC-MNC" when roaming, else null. */
    public byte[] visitedPlmn;
    public byte[] recordingEntity;

    public void clear() {
        recordId = 0;
        eventType = null;
        direction = null;
        callReference = -1;
        startMs = -1;
        answerMs = -1;
        endMs = -1;
        durationS = 0;
        servedImsi = null;
        servedMsisdn = null;
        servedImei = null;
        otherPartyMsisdn = -1;
        otherPartyOnNet = false;
        mcc = null;
        mnc = null;
        tac = -1;
        cellId = -1;
        ratType = null;
        causeForTerm = -1;
        disposition = null;
        releaseCause = -1;
        smsStatus = null;
        smsSegments = 0;
        apn = null;
        bytesUplink = -1;
        bytesDownlink = -1;
        chargingId = -1;
        recordSequenceNumber = 0;
        roaming = false;
        visitedPlmn = null;
        recordingEntity = null;
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
