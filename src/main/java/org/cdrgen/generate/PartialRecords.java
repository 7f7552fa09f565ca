package org.cdrgen.generate;

import org.cdrgen.config.DataProfile;
import org.cdrgen.model.EventRow;

/**
 * Cuts a data session into its records: one, or partial records where it passes the time or volume limit
 * (TS 32.298 causeForRecClosing 17 timeLimit, 16 volumeLimit) or where the subscriber, on the move, changes
 * serving site (18 servingNodeChange; 22 rATChange when the next record is on another radio). A record after
 * a change is where the subscriber is then, and moves no more than its radio's peak allows (a session handed
 * down to a slower layer moves less). Midnight cuts nothing. Every record is computed, but only those that
 * start on the day being written are added: so the day a session starts and the next day, each generated on
 * its own, write the two halves of the same sequence.
 */
final class PartialRecords {
    /** TS 32.298 causeForRecClosing values. */
    static final int NORMAL_RELEASE = 0;
    static final int VOLUME_LIMIT = 16;
    static final int TIME_LIMIT = 17;
    static final int SERVING_NODE_CHANGE = 18;
    static final int RAT_CHANGE = 22;
    /** The last record takes whatever is left of the session and closes it (normalRelease). */
    static final int MAX_PARTIAL_RECORDS = 100;

    private final long timeLimitS;
    private final double volumeLimit;
    /** Per RAT: the most bytes a second a record on it moves. */
    private final double[] peakBytesPerSecond;
    /** A record of an earlier day, computed (for the sequence) but not written. */
    private final EventRow unwritten = new EventRow();
    private final EventRow unwrittenBefore = new EventRow();

    PartialRecords(DataProfile data, double[] peakBytesPerSecond) {
        this.timeLimitS = data.partialRecordTimeLimitS();
        this.volumeLimit = data.partialRecordVolumeLimitBytes();
        this.peakBytesPerSecond = peakBytesPerSecond;
    }

    /** Where the subscriber is as a session goes on. */
    interface Relocation {
        /** Places a later record of a session where the subscriber is when it starts. */
        void place(EventRow record, int sequence);

        /** The instant after {@code record}'s start, before endMs, at which its serving site changes; else -1. */
        long siteChangeMs(EventRow record, long endMs);
    }

    /**
     * Adds the records of a session that start in [{@code rowDay} start, end); {@code session} holds the
     * fields all its records share, placed where it starts.
     */
    void write(EventRow session, long start, long durationS, double downlink, double uplink, DayCalendar rowDay,
            RowBatch out, Relocation relocation) {
        // In ms: a handover cuts a record where it happens, not on a whole second of the record's own.
        long remainingMs = durationS * 1000;
        double remainingDown = downlink;
        double remainingUp = uplink;
        long recordStart = start;
        EventRow previous = null;
        for (int sequence = 1; recordStart < rowDay.endMs(); sequence++) {
            boolean written = recordStart >= rowDay.startMs();
            EventRow row = written ? out.addCopyOf(session) : previous == unwritten ? unwrittenBefore : unwritten;
            if (!written) {
                row.copyFrom(session);
            }
            row.startMs = recordStart;
            if (sequence > 1) {
                relocation.place(row, sequence);
                if (previous.causeForTerm == SERVING_NODE_CHANGE && previous.ratType != row.ratType) {
                    previous.causeForTerm = RAT_CHANGE;
                }
            }
            long lengthMs = Math.min(remainingMs, timeLimitS * 1000);
            int cause = lengthMs < remainingMs ? TIME_LIMIT : NORMAL_RELEASE;
            long change = sequence < MAX_PARTIAL_RECORDS ? relocation.siteChangeMs(row, recordStart + lengthMs) : -1;
            if (change > recordStart) {
                lengthMs = change - recordStart;
                cause = SERVING_NODE_CHANGE;
            }
            double share = (double) lengthMs / remainingMs;
            double down = remainingDown * share;
            double up = remainingUp * share;
            if (down + up > volumeLimit) {
                // Volume reached the limit before the time did: close the record where it did.
                double fraction = volumeLimit / (down + up);
                lengthMs = Math.max(1000, (long) (lengthMs * fraction) / 1000 * 1000);
                down *= fraction;
                up *= fraction;
                cause = VOLUME_LIMIT;
            }
            if (sequence == MAX_PARTIAL_RECORDS) {
                // The last record takes the rest of the session, its time as well as its volume (so it is
                // no faster than the session).
                cause = NORMAL_RELEASE;
                lengthMs = remainingMs;
                down = remainingDown;
                up = remainingUp;
            }
            remainingMs -= lengthMs;
            remainingDown -= down;
            remainingUp -= up;
            double most = peakBytesPerSecond[row.ratType.ordinal()] * lengthMs / 1000.0;
            if (down + up > most) {
                // Handed to a slower layer: the record moves what that layer's peak allows.
                down *= most / (down + up);
                up = Math.max(0, most - down);
            }
            row.endMs = recordStart + lengthMs;
            row.durationS = (int) (lengthMs / 1000);
            row.bytesDownlink = Math.round(down);
            row.bytesUplink = Math.round(up);
            row.recordSequenceNumber = sequence;
            row.causeForTerm = cause;
            previous = row;
            recordStart += lengthMs;
            if (cause == NORMAL_RELEASE || remainingMs <= 0 || sequence == MAX_PARTIAL_RECORDS) {
                break;
            }
        }
    }
}
