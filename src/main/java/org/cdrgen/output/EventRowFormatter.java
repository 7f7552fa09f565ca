package org.cdrgen.output;

import static org.cdrgen.output.Ascii.COMMA;

import org.cdrgen.model.CallDisposition;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SmsStatus;

/**
 * Writes an {@link EventRow} as one CSV line in {@link EventSchema#COLUMNS} order. The row's room is made
 * once ({@link ByteSink#reserve}); the fields are then written with the {@link Ascii} writers at a local
 * position, and the names of enum values come with their comma (event type and direction as one piece), so
 * a row is about 30 stores of words and a few table reads, with no per-field length check.
 */
public final class EventRowFormatter {
    private static final byte[][][] TYPE_DIRECTION = typeDirection();
    private static final byte[][] RATS = withComma(RatType.values());
    private static final byte[][] DISPOSITIONS = withComma(CallDisposition.values());
    private static final byte[][] SMS_STATUSES = withComma(SmsStatus.values());
    private static final byte[] TRUE = field("true");
    private static final byte[] FALSE = field("false");
    /**
     * The most bytes a row takes besides its byte-array fields: 2 ids and 11 other numbers of at most 20
     * bytes, 3 timestamps, 2 booleans, 31 separators, the longest name of each enum (with its comma).
     */
    private static final int FIXED_ROOM = 13 * 20 + 3 * TimestampWriter.LENGTH + 2 * 6 + 31
            + longest(TYPE_DIRECTION[0]) + longest(TYPE_DIRECTION[1]) + longest(TYPE_DIRECTION[2])
            + longest(RATS) + longest(DISPOSITIONS) + longest(SMS_STATUSES);

    private EventRowFormatter() {
    }

    private static byte[][] withComma(Enum<?>[] values) {
        byte[][] out = new byte[values.length][];
        for (Enum<?> v : values) {
            out[v.ordinal()] = field(v.name());
        }
        return out;
    }

    private static byte[][][] typeDirection() {
        byte[][][] out = new byte[EventType.values().length][Direction.values().length][];
        for (EventType t : EventType.values()) {
            for (Direction d : Direction.values()) {
                out[t.ordinal()][d.ordinal()] = concat(field(t.name()), field(d.name()));
            }
        }
        return out;
    }

    /** A CSV field and its comma. */
    private static byte[] field(String text) {
        return concat(CsvText.encode(text), new byte[] {COMMA});
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int longest(byte[][] names) {
        int max = 0;
        for (byte[] n : names) {
            max = Math.max(max, n.length);
        }
        return max;
    }

    private static int length(byte[] field) {
        return field == null ? 0 : field.length;
    }

    public static void format(EventRow r, ByteSink out) {
        boolean voice = r.eventType == EventType.VOICE;
        boolean sms = r.eventType == EventType.SMS;
        boolean data = r.eventType == EventType.DATA;
        byte[] b = out.reserve(FIXED_ROOM + r.servedImsi.length + r.servedMsisdn.length + r.servedImei.length
                + r.mcc.length + r.mnc.length + length(r.apn) + length(r.visitedPlmn) + r.recordingEntity.length);
        int p = out.size();
        p = out.recordIds().put(b, p, r.recordId);
        b[p++] = COMMA;
        p = Ascii.copy(TYPE_DIRECTION[r.eventType.ordinal()][r.direction.ordinal()], b, p);
        if (r.callReference >= 0) {
            p = out.callReferences().put(b, p, r.callReference);
        }
        b[p++] = COMMA;
        TimestampWriter times = out.timestamps();
        p = times.put(b, p, r.startMs);
        b[p++] = COMMA;
        if (r.answerMs >= 0) {
            p = times.put(b, p, r.answerMs);
        }
        b[p++] = COMMA;
        if (r.endMs >= 0) {
            p = times.put(b, p, r.endMs);
        }
        b[p++] = COMMA;
        p = Ascii.putLong(b, p, r.durationS);
        b[p++] = COMMA;
        p = Ascii.copy(r.servedImsi, b, p);
        b[p++] = COMMA;
        p = Ascii.copy(r.servedMsisdn, b, p);
        b[p++] = COMMA;
        p = Ascii.copy(r.servedImei, b, p);
        b[p++] = COMMA;
        if (data) {
            b[p++] = COMMA;
            b[p++] = COMMA;
        } else {
            p = Ascii.putLong(b, p, r.otherPartyMsisdn);
            b[p++] = COMMA;
            p = Ascii.copy(r.otherPartyOnNet ? TRUE : FALSE, b, p);
        }
        p = Ascii.copy(r.mcc, b, p);
        b[p++] = COMMA;
        p = Ascii.copy(r.mnc, b, p);
        b[p++] = COMMA;
        if (r.tac >= 0) {
            p = Ascii.putLong(b, p, r.tac);
        }
        b[p++] = COMMA;
        if (r.cellId >= 0) {
            p = Ascii.putLong(b, p, r.cellId);
        }
        b[p++] = COMMA;
        p = Ascii.copy(RATS[r.ratType.ordinal()], b, p);
        p = Ascii.putLong(b, p, r.causeForTerm);
        b[p++] = COMMA;
        if (voice) {
            p = Ascii.copy(DISPOSITIONS[r.disposition.ordinal()], b, p);
            p = Ascii.putLong(b, p, r.releaseCause);
        } else {
            b[p++] = COMMA;
        }
        b[p++] = COMMA;
        if (sms) {
            p = Ascii.copy(SMS_STATUSES[r.smsStatus.ordinal()], b, p);
            p = Ascii.putLong(b, p, r.smsSegments);
        } else {
            b[p++] = COMMA;
        }
        b[p++] = COMMA;
        p = data ? dataFields(r, b, p) : emptyDataFields(b, p);
        p = Ascii.copy(r.roaming ? TRUE : FALSE, b, p);
        if (r.visitedPlmn != null) {
            p = Ascii.copy(r.visitedPlmn, b, p);
        }
        b[p++] = COMMA;
        p = Ascii.copy(r.recordingEntity, b, p);
        b[p++] = '\n';
        out.commit(p);
    }

    /** apn, bytes up and down, charging id, record sequence number, each with its comma. */
    private static int dataFields(EventRow r, byte[] b, int p) {
        p = Ascii.copy(r.apn, b, p);
        b[p++] = COMMA;
        p = Ascii.putLong(b, p, r.bytesUplink);
        b[p++] = COMMA;
        p = Ascii.putLong(b, p, r.bytesDownlink);
        b[p++] = COMMA;
        p = Ascii.putLong(b, p, r.chargingId);
        b[p++] = COMMA;
        p = Ascii.putLong(b, p, r.recordSequenceNumber);
        b[p++] = COMMA;
        return p;
    }

    private static int emptyDataFields(byte[] b, int p) {
        for (int i = 0; i < 5; i++) {
            b[p + i] = COMMA;
        }
        return p + 5;
    }
}
