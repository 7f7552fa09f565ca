package org.cdrgen.generate;

import org.cdrgen.config.DataProfile;
import org.cdrgen.model.EventRow;

/**
 * Cuts a data session into its records: one, or partial records where it passes the time or volume limit
 * (TS 32.298 causeForRecClosing 17 timeLimit, 16 volumeLimit); midnight cuts nothing. Every record is
 * computed, but only those that start on the day being written are added: so the day a session starts and
 * the next day, each generated on its own, write the two halves of the same sequence.
 */
final class PartialRecords {
    /** TS 32.298 causeForRecClosing values. */
    static final int NORMAL_RELEASE = 0;
    static final int VOLUME_LIMIT = 16;
    static final int TIME_LIMIT = 17;
    /** The last record takes whatever is left of the session and closes it (normalRelease). */
    static final int MAX_PARTIAL_RECORDS = 100;

    private final long timeLimitS;
    private final double volumeLimit;

    PartialRecords(DataProfile data) {
        this.timeLimitS = data.partialRecordTimeLimitS();
        this.volumeLimit = data.partialRecordVolumeLimitBytes();
    }

    /**
     * Adds the records of a session that start in [{@code rowDay} start, end); {@code session} holds the
     * fields all its records share. (Its own method, so the JIT compiles it apart from the draws: together
     * they made the longest compile of a short run, redone whenever a rare case such as the cap came up.)
     */
    /** Places a later record of a session where the subscriber is when it starts (they may have moved on). */
    interface Relocation {
        void place(EventRow record, int sequence);
    }

    void write(EventRow session, long start, long durationS, double downlink, double uplink, DayCalendar rowDay,
            RowBatch out, Relocation relocation) {
        long remainingS = durationS;
        double remainingDown = downlink;
        double remainingUp = uplink;
        long recordStart = start;
        for (int sequence = 1; recordStart < rowDay.endMs(); sequence++) {
            long lengthS = Math.min(remainingS, timeLimitS);
            int cause = lengthS < remainingS ? TIME_LIMIT : NORMAL_RELEASE;
            double share = (double) lengthS / remainingS;
            double down = remainingDown * share;
            double up = remainingUp * share;
            if (down + up > volumeLimit) {
                // Volume reached the limit before the time did: close the record where it did.
                double fraction = volumeLimit / (down + up);
                lengthS = Math.max(1, (long) (lengthS * fraction));
                down *= fraction;
                up *= fraction;
                cause = VOLUME_LIMIT;
            }
            if (sequence == MAX_PARTIAL_RECORDS) {
                // The last record takes the rest of the session, its time as well as its volume (so it is
                // no faster than the session).
                cause = NORMAL_RELEASE;
                lengthS = remainingS;
                down = remainingDown;
                up = remainingUp;
            }
            if (recordStart >= rowDay.startMs()) {
                EventRow row = out.add();
                row.copyFrom(session);
                row.startMs = recordStart;
                row.endMs = recordStart + lengthS * 1000;
                row.durationS = (int) lengthS;
                row.bytesDownlink = Math.round(down);
                row.bytesUplink = Math.round(up);
                row.recordSequenceNumber = sequence;
                row.causeForTerm = cause;
                if (sequence > 1) {
                    relocation.place(row, sequence);
                }
            }
            remainingS -= lengthS;
            remainingDown -= down;
            remainingUp -= up;
            recordStart += lengthS * 1000;
            if (cause == NORMAL_RELEASE || remainingS <= 0 || sequence == MAX_PARTIAL_RECORDS) {
                break;
            }
        }
    }
}
