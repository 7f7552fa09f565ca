package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.DataProfile;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;

/**
 * Packet data sessions of a subscriber-day. Durations and volumes are heavy-tailed (log-normal), downlink
 * several times uplink. A session longer than the time limit, or heavier than the volume limit, is split
 * into partial records sharing one charging_id, numbered by record_sequence_number; a session still open
 * at local midnight is closed there (the next day is generated on its own).
 */
final class DataGenerator extends ServiceGenerator implements Service {
    /** TS 32.298 causeForRecClosing values. */
    static final int NORMAL_RELEASE = 0;
    static final int VOLUME_LIMIT = 16;
    static final int TIME_LIMIT = 17;
    private static final int MAX_PARTIAL_RECORDS = 100;

    private final DataProfile data;
    private final SharedStateDiscreteSampler weekdayHours;
    private final SharedStateDiscreteSampler weekendHours;
    private final SharedStateDiscreteSampler apn;
    private final SharedStateDiscreteSampler ratWish;
    private final double peakBytesPerSecond;

    DataGenerator(GenerationModel model) {
        super(model, Seeds.Purpose.DATA);
        this.data = model.profile.data();
        this.peakBytesPerSecond = data.peakThroughputMbps() * 1e6 / 8;
        this.weekdayHours = model.tables.dataHourWeekday.bind(rng);
        this.weekendHours = model.tables.dataHourWeekend.bind(rng);
        this.apn = model.tables.apn.bind(rng);
        this.ratWish = model.tables.dataRat.bind(rng);
    }

    @Override
    public void generate(SubscriberDay today, RowBatch out) {
        PartyDay party = today.party;
        DayCalendar day = today.day;
        Placement placement = today.placement;
        int id = party.subscriber().id;
        startStream(id, day.epochDay);
        double level = party.subscriber().dataLevel * day.dataActivity * dailyNoise(data.dailyDispersionSigma());
        int sessions = count(data.sessionsPerDay() * level);
        long[] starts = times.draw(sessions, day, day.weekend ? weekendHours : weekdayHours, rng, gaussian,
                data.burstProbability(), data.burstGapMedianS());
        byte[] gateway = model.tables.pgwBytes[(int) Long.remainderUnsigned(
                Seeds.hash(model.seed, id, 0, Seeds.Purpose.DATA), model.tables.pgwBytes.length)];
        for (int i = 0; i < sessions; i++) {
            session(party, day, starts[i], placement, out, gateway);
        }
    }

    private void session(PartyDay party, DayCalendar day, long start, Placement placement, RowBatch out,
            byte[] gateway) {
        double downlink = logNormal(data.downlinkMedianBytes(), data.volumeSigma());
        double uplink = downlink / logNormal(data.downlinkUplinkRatio(), data.ratioSigma());
        // A big transfer takes time: a session lasts at least as long as its volume needs at peak throughput.
        long transferS = (long) Math.ceil((downlink + uplink) / peakBytesPerSecond);
        long durationS = Math.max(transferS, Math.max(1, Math.round(logNormal(data.durationMedianS(), data.durationSigma()))));
        byte[] apnName = model.tables.apnBytes[apn.sample()];
        long chargingId = rng.nextLong() & 0xFFFF_FFFFL;
        EventRow first = out.add();
        first.eventType = EventType.DATA;
        first.direction = Direction.MO;
        first.servedImsi = party.subscriber().imsi;
        first.servedMsisdn = party.subscriber().msisdnBytes;
        first.servedImei = party.handset().imei();
        first.apn = apnName;
        first.chargingId = chargingId;
        first.recordingEntity = gateway;
        placement.place(first, party, day, start, rng, ratWish);
        writeRecords(first, start, durationS, downlink, uplink, day.endMs(), out);
    }

    /**
     * The session's records: one, or partial records when it passes the time or volume limit, or local
     * midnight. (Its own method, so the JIT compiles it apart from the draws above: together they made the
     * longest compile of a short run, redone whenever a rare case such as the record cap first came up.)
     */
    private void writeRecords(EventRow first, long start, long durationS, double downlink, double uplink,
            long dayEndMs, RowBatch out) {
        long remainingS = durationS;
        double remainingDown = downlink;
        double remainingUp = uplink;
        long recordStart = start;
        EventRow row = first;
        for (int sequence = 1; ; sequence++) {
            if (sequence > 1) {
                row = out.add();
                row.copyFrom(first);
            }
            long lengthS = Math.min(remainingS, data.partialRecordTimeLimitS());
            int cause = lengthS < remainingS ? TIME_LIMIT : NORMAL_RELEASE;
            double share = (double) lengthS / remainingS;
            double down = remainingDown * share;
            double up = remainingUp * share;
            double limit = data.partialRecordVolumeLimitBytes();
            if (down + up > limit) {
                // Volume reached the limit before the time did: close the record where it did.
                double fraction = limit / (down + up);
                lengthS = Math.max(1, (long) (lengthS * fraction));
                down *= fraction;
                up *= fraction;
                cause = VOLUME_LIMIT;
            }
            long maxS = (dayEndMs - 1 - recordStart) / 1000;
            if (lengthS >= maxS) {
                // Closed at midnight; the rest of the session is not generated (each day stands alone).
                long cutS = Math.max(0, maxS);
                double kept = lengthS == 0 ? 0 : (double) cutS / lengthS;
                down *= kept;
                up *= kept;
                lengthS = cutS;
                cause = TIME_LIMIT;
                remainingS = lengthS;
            }
            if (sequence == MAX_PARTIAL_RECORDS) {
                cause = NORMAL_RELEASE;
                down = remainingDown;
                up = remainingUp;
            }
            row.startMs = recordStart;
            row.endMs = recordStart + lengthS * 1000;
            row.durationS = (int) lengthS;
            row.bytesDownlink = Math.round(down);
            row.bytesUplink = Math.round(up);
            row.recordSequenceNumber = sequence;
            row.causeForTerm = cause;
            remainingS -= lengthS;
            remainingDown -= down;
            remainingUp -= up;
            recordStart = row.endMs;
            if (cause == NORMAL_RELEASE || remainingS <= 0 || sequence == MAX_PARTIAL_RECORDS) {
                break;
            }
        }
    }
}
