package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.SmsProfile;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.SmsStatus;

/** Short messages of a subscriber-day: sent to contacts, received from other networks; on-net ones twice. */
final class SmsGenerator extends ServiceGenerator {
    private static final SmsStatus[] STATUSES = SmsStatus.values();

    private final SmsProfile sms;
    private final SharedStateDiscreteSampler weekdayHours;
    private final SharedStateDiscreteSampler weekendHours;
    private final SharedStateDiscreteSampler segments;
    private final SharedStateDiscreteSampler status;
    private final SharedStateDiscreteSampler ratWish;
    private final SharedStateDiscreteSampler contactRank;
    private final MtLeg mtLeg;

    SmsGenerator(GenerationModel model, MtLeg mtLeg) {
        super(model, Seeds.Purpose.SMS);
        this.sms = model.profile.sms();
        this.weekdayHours = model.tables.smsHourWeekday.bind(rng);
        this.weekendHours = model.tables.smsHourWeekend.bind(rng);
        this.segments = model.tables.smsSegments.bind(rng);
        this.status = model.tables.smsStatus.bind(rng);
        this.ratWish = model.tables.smsRat.bind(rng);
        this.contactRank = model.tables.contactRank.bind(rng);
        this.mtLeg = mtLeg;
    }

    void generate(PartyDay party, DayCalendar day, ContactBook contacts, Placement placement, RowBatch out,
            CallReferences references) {
        startStream(party.subscriber().id, day.epochDay);
        double level = party.subscriber().smsLevel * day.smsActivity * dailyNoise(sms.dailyDispersionSigma());
        SharedStateDiscreteSampler hours = day.weekend ? weekendHours : weekdayHours;

        int sent = count(sms.moPerDay() * level);
        long[] starts = times.draw(sent, day, hours, rng, gaussian, sms.burstProbability(), sms.burstGapMedianS());
        for (int i = 0; i < sent; i++) {
            int contact = contacts.pick(contactRank);
            int recipient = contacts.subscriber(contact);
            EventRow row = out.add();
            row.direction = Direction.MO;
            row.otherPartyMsisdn = contacts.msisdn(contact);
            row.otherPartyOnNet = recipient >= 0;
            fillMessage(row, party, day, starts[i], placement, references.next());
            if (recipient >= 0) {
                mtLeg.add(row, recipient, party.subscriber().msisdn, day, out, false);
            }
        }

        int received = count(sms.mtOffNetPerDay() * level);
        starts = times.draw(received, day, hours, rng, gaussian, sms.burstProbability(), sms.burstGapMedianS());
        for (int i = 0; i < received; i++) {
            int contact = contacts.pickOffNet(contactRank);
            EventRow row = out.add();
            row.direction = Direction.MT;
            row.otherPartyMsisdn = contact >= 0 ? contacts.msisdn(contact)
                    : model.population.offNetMsisdn(rng.nextLong());
            row.otherPartyOnNet = false;
            fillMessage(row, party, day, starts[i], placement, references.next());
        }
    }

    private void fillMessage(EventRow row, PartyDay party, DayCalendar day, long start, Placement placement,
            long reference) {
        row.eventType = EventType.SMS;
        row.callReference = reference;
        row.servedImsi = party.subscriber().imsi;
        row.servedMsisdn = party.subscriber().msisdnBytes;
        row.servedImei = party.handset().imei();
        row.startMs = start;
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
