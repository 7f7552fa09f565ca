package org.cdrgen.output;

import org.cdrgen.model.CallDisposition;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SmsStatus;

/** Writes an {@link EventRow} as one CSV line in {@link EventSchema#COLUMNS} order. */
public final class EventRowFormatter {
    private static final byte COMMA = ',';
    private static final byte[][] EVENT_TYPES = names(EventType.values());
    private static final byte[][] DIRECTIONS = names(Direction.values());
    private static final byte[][] RATS = names(RatType.values());
    private static final byte[][] DISPOSITIONS = names(CallDisposition.values());
    private static final byte[][] SMS_STATUSES = names(SmsStatus.values());

    private EventRowFormatter() {
    }

    private static byte[][] names(Enum<?>[] values) {
        byte[][] out = new byte[values.length][];
        for (Enum<?> v : values) {
            out[v.ordinal()] = CsvText.encode(v.name());
        }
        return out;
    }

    public static void format(EventRow r, ByteSink out) {
        boolean voice = r.eventType == EventType.VOICE;
        boolean sms = r.eventType == EventType.SMS;
        boolean data = r.eventType == EventType.DATA;
        out.putId(r.recordId).put(COMMA);
        out.put(EVENT_TYPES[r.eventType.ordinal()]).put(COMMA);
        out.put(DIRECTIONS[r.direction.ordinal()]).put(COMMA);
        if (r.callReference >= 0) {
            out.putId(r.callReference);
        }
        out.put(COMMA);
        out.putTimestamp(r.startMs).put(COMMA);
        optionalTimestamp(out, r.answerMs);
        optionalTimestamp(out, r.endMs);
        out.putLong(r.durationS).put(COMMA);
        out.put(r.servedImsi).put(COMMA);
        out.put(r.servedMsisdn).put(COMMA);
        out.put(r.servedImei).put(COMMA);
        if (data) {
            out.put(COMMA).put(COMMA);
        } else {
            out.putLong(r.otherPartyMsisdn).put(COMMA);
            out.putBoolean(r.otherPartyOnNet).put(COMMA);
        }
        out.put(r.mcc).put(COMMA);
        out.put(r.mnc).put(COMMA);
        optionalLong(out, r.tac);
        optionalLong(out, r.cellId);
        out.put(RATS[r.ratType.ordinal()]).put(COMMA);
        out.putLong(r.causeForTerm).put(COMMA);
        if (voice) {
            out.put(DISPOSITIONS[r.disposition.ordinal()]).put(COMMA);
            out.putLong(r.releaseCause).put(COMMA);
        } else {
            out.put(COMMA).put(COMMA);
        }
        if (sms) {
            out.put(SMS_STATUSES[r.smsStatus.ordinal()]).put(COMMA);
            out.putLong(r.smsSegments).put(COMMA);
        } else {
            out.put(COMMA).put(COMMA);
        }
        if (data) {
            out.put(r.apn).put(COMMA);
            out.putLong(r.bytesUplink).put(COMMA);
            out.putLong(r.bytesDownlink).put(COMMA);
            out.putLong(r.chargingId).put(COMMA);
            out.putLong(r.recordSequenceNumber).put(COMMA);
        } else {
            out.put(COMMA).put(COMMA).put(COMMA).put(COMMA).put(COMMA);
        }
        out.putBoolean(r.roaming).put(COMMA);
        if (r.visitedPlmn != null) {
            out.put(r.visitedPlmn);
        }
        out.put(COMMA);
        out.put(r.recordingEntity).put((byte) '\n');
    }

    private static void optionalLong(ByteSink out, long v) {
        if (v >= 0) {
            out.putLong(v);
        }
        out.put(COMMA);
    }

    private static void optionalTimestamp(ByteSink out, long epochMs) {
        if (epochMs >= 0) {
            out.putTimestamp(epochMs);
        }
        out.put(COMMA);
    }

}
