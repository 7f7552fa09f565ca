package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;

/**
 * Person-to-person events (calls, SMS): made to contacts drawn by tie strength, received from other
 * networks, in bursts over the day. An event to an on-net contact also yields the other side's MT row.
 * Subclasses fill in what is particular to their service.
 */
abstract class ContactEventGenerator extends ServiceGenerator {
    private final SharedStateDiscreteSampler contactRank;
    private final MtLeg mtLeg;
    private final EventType eventType;

    ContactEventGenerator(GenerationModel model, Seeds.Purpose purpose, MtLeg mtLeg, EventType eventType) {
        super(model, purpose);
        this.contactRank = model.tables.contactRank.bind(rng);
        this.mtLeg = mtLeg;
        this.eventType = eventType;
    }

    /** @param level this subscriber's activity in this service today (1 = the profile's rates) */
    protected void generateContactEvents(PartyDay party, DayCalendar day, ContactBook contacts, Placement placement,
            RowBatch out, CallReferences references, double level, double madePerDay, double receivedPerDay,
            SharedStateDiscreteSampler hours, double burstProbability, double burstGapMedianS) {
        int made = count(madePerDay * level);
        long[] starts = times.draw(made, day, hours, rng, gaussian, burstProbability, burstGapMedianS);
        makeEvents(party, day, contacts, placement, out, references, starts, made);
        int received = count(receivedPerDay * level);
        starts = times.draw(received, day, hours, rng, gaussian, burstProbability, burstGapMedianS);
        receiveEvents(party, day, contacts, placement, out, references, starts, received);
    }

    /**
     * Events this subscriber makes, to contacts. (Made and received events are two methods, not one, so
     * the JIT compiles each on its own: together they were the costliest compile of a short run, and were
     * compiled over again whenever either loop met a case its first compile had not seen.)
     */
    private void makeEvents(PartyDay party, DayCalendar day, ContactBook contacts, Placement placement,
            RowBatch out, CallReferences references, long[] starts, int count) {
        for (int i = 0; i < count; i++) {
            int contact = contacts.pick(contactRank);
            int other = contacts.subscriber(contact);
            EventRow row = out.add();
            row.direction = Direction.MO;
            row.otherPartyMsisdn = contacts.msisdn(contact);
            row.otherPartyOnNet = other >= 0;
            fillServed(row, party, starts[i], references.next());
            fill(row, party, day, placement);
            if (other >= 0) {
                mtLeg.add(row, other, party.subscriber().msisdn, day, out, eventType == EventType.VOICE);
            }
        }
    }

    /** Events this subscriber receives from other networks (calls from on-net contacts are their MO's MT leg). */
    private void receiveEvents(PartyDay party, DayCalendar day, ContactBook contacts, Placement placement,
            RowBatch out, CallReferences references, long[] starts, int count) {
        for (int i = 0; i < count; i++) {
            int contact = contacts.pickOffNet(contactRank);
            EventRow row = out.add();
            row.direction = Direction.MT;
            row.otherPartyMsisdn = contact >= 0 ? contacts.msisdn(contact)
                    : model.population.offNetMsisdn(rng.nextLong());
            row.otherPartyOnNet = false;
            fillServed(row, party, starts[i], references.next());
            fill(row, party, day, placement);
        }
    }

    private void fillServed(EventRow row, PartyDay party, long start, long reference) {
        row.eventType = eventType;
        row.callReference = reference;
        row.servedImsi = party.subscriber().imsi;
        row.servedMsisdn = party.subscriber().msisdnBytes;
        row.servedImei = party.handset().imei();
        row.startMs = start;
    }

    /** Fills the service's own fields (outcome, times, location) of a row whose start and parties are set. */
    protected abstract void fill(EventRow row, PartyDay party, DayCalendar day, Placement placement);
}
