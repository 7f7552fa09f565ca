package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.SmsProfile;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.SmsStatus;

/** Short messages of a subscriber-day: sent to contacts, received from other networks; on-net ones twice. */
final class SmsGenerator extends ContactEventGenerator {
    private static final SmsStatus[] STATUSES = SmsStatus.values();

    private final SmsProfile sms;
    private final SharedStateDiscreteSampler weekdayHours;
    private final SharedStateDiscreteSampler weekendHours;
    private final SharedStateDiscreteSampler segments;
    private final SharedStateDiscreteSampler status;
    private final SharedStateDiscreteSampler ratWish;

    SmsGenerator(GenerationModel model, MtLeg mtLeg) {
        super(model, Seeds.Purpose.SMS, mtLeg, EventType.SMS);
        this.sms = model.profile.sms();
        this.weekdayHours = model.tables.smsHourWeekday.bind(rng);
        this.weekendHours = model.tables.smsHourWeekend.bind(rng);
        this.segments = model.tables.smsSegments.bind(rng);
        this.status = model.tables.smsStatus.bind(rng);
        this.ratWish = model.tables.smsRat.bind(rng);
    }

    void generate(PartyDay party, DayCalendar day, ContactBook contacts, Placement placement, RowBatch out,
            CallReferences references) {
        startStream(party.subscriber().id, day.epochDay);
        double level = party.subscriber().smsLevel * day.smsActivity * dailyNoise(sms.dailyDispersionSigma());
        generateContactEvents(party, day, contacts, placement, out, references, level, sms.moPerDay(),
                sms.mtOffNetPerDay(), day.weekend ? weekendHours : weekdayHours, sms.burstProbability(),
                sms.burstGapMedianS());
    }

    @Override
    protected void fill(EventRow row, PartyDay party, DayCalendar day, Placement placement) {
        long start = row.startMs;
        row.durationS = 0;
        row.smsSegments = segments.sample() + 1;
        row.smsStatus = STATUSES[status.sample()];
        if (row.smsStatus == SmsStatus.DELIVERED) {
            long delay = Math.max(50, (long) (logNormal(sms.deliveryDelayMedianS(), sms.deliveryDelaySigma()) * 1000));
            row.endMs = Math.min(day.endMs() - 1, start + delay);
            row.causeForTerm = VoiceGenerator.NORMAL_RELEASE;
        } else {
            row.causeForTerm = VoiceGenerator.UNSUCCESSFUL_CALL_ATTEMPT;
        }
        placement.place(row, party, day, start, rng, ratWish, true);
    }
}
