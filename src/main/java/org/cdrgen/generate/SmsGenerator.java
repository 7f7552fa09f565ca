package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.SmsProfile;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.Subscriber;
import org.cdrgen.model.SmsStatus;

/** Short messages of a subscriber-day: sent to contacts, received from other networks; on-net ones twice. */
final class SmsGenerator extends ContactEventGenerator {
    private static final SmsStatus[] STATUSES = SmsStatus.values();

    private final SmsProfile sms;
    private final SharedStateDiscreteSampler segments;
    private final SharedStateDiscreteSampler status;

    SmsGenerator(GenerationModel model, MtLeg mtLeg) {
        super(model, mtLeg, new Traffic(Seeds.Purpose.SMS, EventType.SMS, model.profile.sms().moPerDay(),
                model.profile.sms().mtOffNetPerDay(), model.profile.sms().dailyDispersionSigma(),
                model.profile.sms().burstProbability(), model.profile.sms().burstGapMedianS(),
                model.tables.smsHours, model.tables.smsRat), null);
        this.sms = model.profile.sms();
        this.segments = model.tables.smsSegments.bind(rng);
        this.status = model.tables.smsStatus.bind(rng);
    }

    @Override
    protected double level(Subscriber subscriber, DayCalendar day) {
        return subscriber.smsLevel * day.smsActivity;
    }

    /** The SMS centre keeps it until its validity period runs out: EXPIRED, never delivered. */
    @Override
    protected void absent(EventRow row) {
        row.smsStatus = SmsStatus.EXPIRED;
        row.endMs = -1;
        row.causeForTerm = VoiceGenerator.UNSUCCESSFUL_CALL_ATTEMPT;
    }

    @Override
    protected void unallocated(EventRow row) {
        row.smsStatus = SmsStatus.FAILED;
        row.endMs = -1;
        row.causeForTerm = VoiceGenerator.UNSUCCESSFUL_CALL_ATTEMPT;
    }

    @Override
    protected void fill(EventRow row, PartyDay party, DayCalendar day, Placement placement) {
        long start = row.startMs;
        row.durationS = 0;
        row.smsSegments = segments.sample() + 1;
        row.smsStatus = STATUSES[status.sample()];
        if (row.smsStatus == SmsStatus.DELIVERED) {
            long delay = Math.max(50, (long) (logNormal(sms.deliveryDelayMedianS(), sms.deliveryDelaySigma()) * 1000));
            row.endMs = start + delay; // delivered on the next day if need be: the row stays on its start day
            row.causeForTerm = VoiceGenerator.NORMAL_RELEASE;
        } else {
            row.causeForTerm = VoiceGenerator.UNSUCCESSFUL_CALL_ATTEMPT;
        }
        placement.place(row, party, day, start, rng, ratWish);
    }
}
