package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.DataProfile;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.RatType;
import org.cdrgen.model.Subscriber;

/**
 * Packet data sessions of a subscriber-day. Durations and volumes are heavy-tailed (log-normal), downlink
 * several times uplink. A session longer than the time limit, or heavier than the volume limit, is split
 * into partial records sharing one charging_id, numbered by record_sequence_number ({@link PartialRecords}).
 *
 * <p>A record belongs to the day it starts on. A session still open at local midnight runs on: the day it
 * starts writes its records that start that day, and the next day writes the rest. For that the next day
 * draws the earlier day's sessions again, from the same stream of (seed, subscriber, that day): only their
 * start, length, volumes and ids, and the place of the few still open. A session's place comes from a
 * stream of its own, so skipping the place of a session that ended before midnight moves no other draw.
 */
final class DataGenerator extends ServiceGenerator implements Service {
    /**
     * A session lasts at most 23 hours, the shortest DST day: so it can reach into the next day but never
     * past it, and a day needs the sessions of the day before only (see {@link EarlierDays}).
     */
    static final long MAX_SESSION_S = 23 * 3600;

    private final DataProfile data;
    private final HourSamplers hours;
    private final SharedStateDiscreteSampler apn;
    /** The place of a session is drawn from its own stream (see the class comment). */
    private final StreamRandom placeRng = new StreamRandom();
    private final SharedStateDiscreteSampler ratWish;
    /** Per RAT: the fastest a session moves its volume (bytes a second), and its volume factor. */
    private final double[] peakBytesPerSecond;
    private final double[] ratVolumeFactor;
    /**
     * Per RAT: the slowest peak of a layer a moving session on it can be handed to: layers from the one on
     * every site up to it (or all below it, for a RAT below that one).
     */
    private final double[] handedPeakBytesPerSecond;
    private final long timeLimitS;
    private final double volumeLimit;
    /** Per APN: its volume factor and the lowest RAT (ordinal) it is used on. */
    private final double[] apnVolumeFactor;
    private final int[] apnMinRat;
    private final PartialRecords records;
    private final EarlierDays earlierDays;
    private final SessionReach reach;
    /** The fields every record of the current session shares. */
    private final EventRow session = new EventRow();

    DataGenerator(GenerationModel model) {
        super(model, Seeds.Purpose.DATA);
        this.data = model.profile.data();
        double[] peaks = data.peakThroughputMbps().toArray();
        this.peakBytesPerSecond = new double[peaks.length];
        this.ratVolumeFactor = data.ratVolumeFactor().toArray();
        for (int r = 0; r < peaks.length; r++) {
            peakBytesPerSecond[r] = peaks[r] * 1e6 / 8;
        }
        this.timeLimitS = data.partialRecordTimeLimitS();
        this.volumeLimit = data.partialRecordVolumeLimitBytes();
        this.handedPeakBytesPerSecond = handedPeaks(model.profile.network().layerShare().toArray(), peakBytesPerSecond);
        // The slowest a volume can drain, for the cheap "surely ended" test: the largest factor over peak.
        double slowest = 0;
        for (int r = 0; r < peaks.length; r++) {
            slowest = Math.max(slowest, ratVolumeFactor[r] / handedPeakBytesPerSecond[r]);
        }
        this.apnVolumeFactor = data.apns().stream().mapToDouble(DataProfile.Apn::volumeFactor).toArray();
        this.apnMinRat = data.apns().stream().mapToInt(a -> a.minRat().ordinal()).toArray();
        double largestApnFactor = java.util.Arrays.stream(apnVolumeFactor).max().orElse(1);
        this.hours = new HourSamplers(model.tables.dataHours, model.tables.visitedZone, rng);
        this.apn = model.tables.apn.bind(rng);
        this.ratWish = model.tables.dataRat.bind(placeRng);
        this.records = new PartialRecords(data, peakBytesPerSecond);
        this.earlierDays = new EarlierDays(model.profile, MAX_SESSION_S * 1000);
        this.reach = new SessionReach(data, 1 / (slowest * largestApnFactor));
    }

    /** Per RAT: the slowest peak among the layers a session on it can be handed to (see the field). */
    private static double[] handedPeaks(double[] layerShare, double[] peak) {
        int everywhere = 0;
        for (int r = layerShare.length - 1; r >= 0; r--) {
            if (layerShare[r] >= 1) {
                everywhere = r;
            }
        }
        double[] handed = new double[peak.length];
        for (int r = 0; r < peak.length; r++) {
            handed[r] = Double.MAX_VALUE;
            for (int lower = r >= everywhere ? everywhere : 0; lower <= r; lower++) {
                handed[r] = Math.min(handed[r], peak[lower]);
            }
        }
        return handed;
    }

    @Override
    public void generate(SubscriberDay today, RowBatch out) {
        DayCalendar day = today.day;
        for (int back = 1; ; back++) {
            DayCalendar earlier = earlierDays.reaching(day, back);
            if (earlier == null || !today.party.subscriber().activeOn(earlier.epochDay)
                    || model.population.away(today.party.subscriber(), earlier.epochDay)) {
                // No sessions from before this version (a new holder, SIM or phone starts with none open), nor
                // from a day away with the phone off.
                break;
            }
            double mood = earlier.epochDay == day.epochDay - 1 ? today.party.moodDayBefore()
                    : model.population.mood(today.party.subscriber(), earlier.epochDay);
            sessions(today.party.subscriber(), null, mood, earlier, day, today.placement, out);
        }
        sessions(today.party.subscriber(), today.party, today.party.mood(), day, day, today.placement, out);
    }

    /**
     * The sessions that start on {@code sessionDay}, of which this adds the records that start on
     * {@code rowDay} (the same day, or a later one that some of them run into).
     *
     * @param party the subscriber on {@code sessionDay}, or null to look it up if a session needs it
     * @param mood the subscriber's mood on {@code sessionDay}
     */
    private void sessions(Subscriber subscriber, PartyDay party, double mood, DayCalendar sessionDay, DayCalendar rowDay,
            Placement placement, RowBatch out) {
        int id = subscriber.id;
        geranCalls = -1;
        startStream(id, sessionDay.epochDay);
        double level = subscriber.dataLevel * sessionDay.dataActivity * mood * dailyNoise(data.dailyDispersionSigma());
        int sessions = count(data.sessionsPerDay() * level);
        // Abroad, the day follows the visited country's clock.
        int visited = party != null ? party.roamingPlmn() : model.population.roamingPlmn(id, sessionDay.epochDay);
        long[] starts = times.draw(sessions, sessionDay, hours.on(sessionDay, visited), rng,
                gaussian, data.burstProbability(), data.burstGapMedianS());
        byte[] gateway = model.tables.pgwBytes[(int) Long.remainderUnsigned(
                Seeds.hash(model.seed, subscriber.personId, 0, Seeds.Purpose.DATA), model.tables.pgwBytes.length)];
        long placeSeed = Seeds.hash(model.seed, id, sessionDay.epochDay, Seeds.Purpose.DATA);
        for (int i = 0; i < sessions; i++) {
            long start = starts[i];
            double zDownlink = gaussian.sample();
            double zRatio = gaussian.sample();
            double zDuration = gaussian.sample();
            int apnIndex = apn.sample();
            long chargingId = rng.nextLong() & 0xFFFF_FFFFL;
            if (sessionDay != rowDay && reach.endsBy(start, rowDay.startMs(), zDownlink, zRatio, zDuration)) {
                continue; // an earlier day's session that surely ended before rowDay (most): skip the exp()s
            }
            if (party == null) {
                party = new PartyDay(subscriber, model.population.handset(subscriber),
                        model.population.roamingPlmn(id, sessionDay.epochDay), true, false, mood, Double.NaN);
            }
            // Where first: the RAT bounds the volume and the speed.
            placeRng.reseed(Seeds.hash(placeSeed, i));
            describe(party, sessionDay, start, model.tables.apnBytes[apnIndex], chargingId, gateway, placement);
            int rat = session.ratType.ordinal();
            if (session.ratType == RatType.GERAN && sessionDay == rowDay) {
                long callEnd = geranCallAt(out, start);
                if (callEnd > 0) {
                    // No DTM: on 2G a packet session waits for the subscriber's call to end.
                    start = callEnd + 2_000;
                    if (start >= rowDay.endMs()) {
                        continue;
                    }
                    placeRng.reseed(Seeds.hash(placeSeed, i));
                    describe(party, sessionDay, start, model.tables.apnBytes[apnIndex], chargingId, gateway, placement);
                    rat = session.ratType.ordinal();
                }
            }
            if (rat < apnMinRat[apnIndex]) {
                continue; // no such PDN on this radio (IMS needs LTE or NR): the session is not set up
            }
            double scale = ratVolumeFactor[rat] * apnVolumeFactor[apnIndex];
            double downlink = scale * data.downlinkMedianBytes() * Math.exp(data.volumeSigma() * zDownlink);
            double uplink = downlink / (data.downlinkUplinkRatio() * Math.exp(data.ratioSigma() * zRatio));
            // A big transfer takes time: a session lasts at least as long as its volume needs at its RAT's peak.
            long transferS = (long) Math.ceil((downlink + uplink) / peakBytesPerSecond[rat]);
            long durationS = Math.min(MAX_SESSION_S, Math.max(transferS,
                    Math.max(1, Math.round(data.durationMedianS() * Math.exp(data.durationSigma() * zDuration)))));
            if (durationS > timeLimitS || downlink + uplink > volumeLimit) {
                // Several records: later ones may be handed to a lower layer where the subscriber goes, so the
                // session moves no faster than the slowest layer it can land on.
                long slowS = (long) Math.ceil((downlink + uplink) / handedPeakBytesPerSecond[rat]);
                if (slowS > durationS) {
                    transferS = slowS;
                    durationS = Math.min(MAX_SESSION_S, slowS);
                }
            }
            if (durationS < transferS) {
                // Capped at the longest session: it moves what the peak allows in that time.
                double fit = durationS * Math.min(peakBytesPerSecond[rat], (double) (downlink + uplink) / transferS)
                        / (downlink + uplink);
                downlink *= fit;
                uplink *= fit;
            }
            if (session.ratType == RatType.GERAN && sessionDay == rowDay) {
                long callStart = geranCallFrom(out, start, start + durationS * 1000);
                if (callStart > 0) {
                    // ... and one open on 2G when a call begins ends there (no DTM: no packets during the call).
                    long keptS = Math.max(1, (callStart - start) / 1000);
                    downlink *= (double) keptS / durationS;
                    uplink *= (double) keptS / durationS;
                    durationS = keptS;
                }
            }
            if (start + durationS * 1000 <= rowDay.startMs()) {
                continue; // an earlier day's session that ended before rowDay: nothing of it to write
            }
            following.start(party, Seeds.hash(placeSeed, i), sessionDay, rowDay, placement);
            records.write(session, start, durationS, downlink, uplink, rowDay, out, following);
        }
    }

    private final Following following = new Following();

    /**
     * The subscriber's answered 2G calls of the day, [answer, end) in the batch's order: their own voice rows
     * are in the batch already (voice runs first). Phones and network have no DTM (GPRS class B): a packet
     * session does not run on GERAN during a circuit call. Collected once per subscriber-day, at its first
     * GERAN session.
     */
    private long[] geranCallStart = new long[16];
    private long[] geranCallEnd = new long[16];
    private int geranCalls = -1;

    private void collectGeranCalls(RowBatch out) {
        geranCalls = 0;
        for (int r = 0; r < out.size(); r++) {
            EventRow row = out.get(r);
            if (row.eventType == EventType.VOICE && row.answerMs >= 0 && row.ratType == RatType.GERAN) {
                if (geranCalls == geranCallStart.length) {
                    geranCallStart = java.util.Arrays.copyOf(geranCallStart, 2 * geranCalls);
                    geranCallEnd = java.util.Arrays.copyOf(geranCallEnd, 2 * geranCalls);
                }
                geranCallStart[geranCalls] = row.answerMs;
                geranCallEnd[geranCalls] = row.endMs;
                geranCalls++;
            }
        }
    }

    /** The end of the subscriber's answered 2G call under way at an instant, or -1. */
    private long geranCallAt(RowBatch out, long instant) {
        if (geranCalls < 0) {
            collectGeranCalls(out);
        }
        for (int c = 0; c < geranCalls; c++) {
            if (geranCallStart[c] <= instant && instant < geranCallEnd[c]) {
                return geranCallEnd[c];
            }
        }
        return -1;
    }

    /** The start of the first answered 2G call of the subscriber that begins in (from, to), or -1. */
    private long geranCallFrom(RowBatch out, long from, long to) {
        if (geranCalls < 0) {
            collectGeranCalls(out);
        }
        long first = -1;
        for (int c = 0; c < geranCalls; c++) {
            long answer = geranCallStart[c];
            if (answer > from && answer < to && (first < 0 || answer < first)) {
                first = answer;
            }
        }
        return first;
    }

    /** Follows a session's subscriber from record to record (see {@link PartialRecords.Relocation}). */
    private final class Following implements PartialRecords.Relocation {
        private PartyDay holder;
        private long sessionKey;
        private DayCalendar sessionDay;
        private DayCalendar rowDay;
        private Placement placement;

        void start(PartyDay party, long key, DayCalendar day, DayCalendar written, Placement where) {
            holder = party;
            sessionKey = key;
            sessionDay = day;
            rowDay = written;
            placement = where;
        }

        private DayCalendar dayOf(EventRow record) {
            return record.startMs >= rowDay.startMs() ? rowDay : sessionDay;
        }

        @Override
        public void place(EventRow record, int sequence) {
            placeRng.reseed(Seeds.hash(sessionKey, sequence));
            placement.move(record, holder.subscriber(), holder.handset().bestRat(), dayOf(record), record.startMs, placeRng);
        }

        @Override
        public long siteChangeMs(EventRow record, long endMs) {
            return placement.siteChangeMs(record, holder.subscriber(), holder.handset().bestRat(), dayOf(record), endMs);
        }
    }

    /** Fills {@link #session}: what all records of a session share (who, phone, APN, ids, where it started). */
    private void describe(PartyDay party, DayCalendar sessionDay, long start, byte[] apnName, long chargingId,
            byte[] gateway, Placement placement) {
        EventRow s = session;
        s.clear();
        s.eventType = EventType.DATA;
        s.direction = Direction.MO;
        s.servedImsi = party.subscriber().imsi;
        s.servedMsisdn = party.subscriber().msisdnBytes;
        s.servedImei = party.handset().imei();
        s.apn = apnName;
        s.chargingId = chargingId;
        s.recordingEntity = gateway;
        placement.place(s, party, sessionDay, start, placeRng, ratWish);
    }
}
