package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.Subscriber;

/**
 * Person-to-person events (calls, SMS): made to contacts drawn by tie strength, received from other
 * networks, in bursts over the day. An event to an on-net contact also yields the other side's MT row.
 * Subclasses fill in what is particular to their service.
 */
abstract class ContactEventGenerator extends ServiceGenerator implements Service {
    /** What tells one person-to-person service from another: its rates, its clock and its bursts. */
    record Traffic(Seeds.Purpose purpose, EventType eventType, double madePerDay, double receivedPerDay,
            double dailyDispersionSigma, double burstProbability, double burstGapMedianS,
            HourTables hours, WeightedTable ratWish) {
    }

    private final Traffic traffic;
    private final SharedStateDiscreteSampler contactRank;
    private final HourSamplers hours;
    protected final SharedStateDiscreteSampler ratWish;
    private final MtLeg mtLeg;
    /** Calls to a partner or parent with a rhythm, for a service made one at a time (VOICE); else null. */
    private final CallRhythm rhythm;

    ContactEventGenerator(GenerationModel model, MtLeg mtLeg, Traffic traffic, CallRhythm rhythm) {
        super(model, traffic.purpose());
        this.traffic = traffic;
        this.rhythm = rhythm;
        this.contactRank = model.tables.contactRank.bind(rng);
        this.hours = new HourSamplers(traffic.hours(), model.tables.visitedZone, rng);
        this.ratWish = traffic.ratWish().bind(rng);
        this.mtLeg = mtLeg;
    }

    /** This subscriber's taste for the service times the day's season: 1 is the profile's rates. */
    protected abstract double level(Subscriber subscriber, DayCalendar day);

    @Override
    public void generate(SubscriberDay today, RowBatch out) {
        PartyDay party = today.party;
        DayCalendar day = today.day;
        startStream(party.subscriber().id, day.epochDay);
        double taste = level(party.subscriber(), day);
        double level = taste * party.mood() * dailyNoise(traffic.dailyDispersionSigma());
        // Abroad, the day follows the visited country's clock.
        SharedStateDiscreteSampler hours = this.hours.on(day, party.roamingPlmn());
        double madeMean = traffic.madePerDay() * level;
        if (rhythm != null) {
            rhythm.plan(party.subscriber().personId, day, traffic.madePerDay() * taste, party.mood());
            madeMean *= rhythm.ordinaryShare();
        }
        int made = count(madeMean);
        long[] starts = times.draw(made, day, hours, rng, gaussian, traffic.burstProbability(), traffic.burstGapMedianS());
        if (!oneAtATime()) {
            makeEvents(today, out, starts, made);
            int received = count(traffic.receivedPerDay() * level);
            starts = times.draw(received, day, hours, rng, gaussian, traffic.burstProbability(), traffic.burstGapMedianS());
            receiveEvents(today, out, starts, received);
            return;
        }
        int rituals = rhythm == null ? 0 : rhythm.count();
        if (madeStarts.length < made + rituals) {
            madeStarts = new long[Math.max(made + rituals, madeStarts.length * 2)];
        }
        // A made call's start carries its kind in the two low bits (sorting keeps time order): ordinary or a ritual.
        for (int i = 0; i < made; i++) {
            madeStarts[i] = starts[i] << 2 | CallRhythm.ORDINARY;
        }
        for (int i = 0; i < rituals; i++) {
            madeStarts[made + i] = rhythm.start(i) << 2 | rhythm.kind(i);
        }
        made += rituals;
        int received = count(traffic.receivedPerDay() * level);
        starts = times.draw(received, day, hours, rng, gaussian, traffic.burstProbability(), traffic.burstGapMedianS());
        inTimeOrder(today, out, madeStarts, made, starts, received);
    }

    /**
     * Calls made and received in time order, one at a time: a call the subscriber would make while on a
     * call waits until it ends (a short pause after), and one that arrives meanwhile finds them busy (unless
     * call waiting takes it). Only on-net calls that arrive during one of the subscriber's own calls are not
     * seen here (their MT row is written with the caller's chunk).
     */
    private void inTimeOrder(SubscriberDay today, RowBatch out, long[] made, int madeCount, long[] received,
            int receivedCount) {
        java.util.Arrays.sort(made, 0, madeCount);
        java.util.Arrays.sort(received, 0, receivedCount);
        long busyUntil = Long.MIN_VALUE;
        int i = 0;
        int j = 0;
        while (i < madeCount || j < receivedCount) {
            if (j >= receivedCount || i < madeCount && made[i] >> 2 <= received[j]) {
                int kind = (int) (made[i] & 3);
                long start = made[i++] >> 2;
                if (start < busyUntil) {
                    start = busyUntil + 5_000 + Long.remainderUnsigned(Seeds.mix(start), 115_000);
                    if (start >= today.day.endMs()) {
                        continue; // no time left that day for the call
                    }
                }
                int contact = kind == CallRhythm.ORDINARY ? -1 : CallRhythm.callee(kind, today.contacts);
                EventRow row = makeEvent(today, out, start, contact);
                busyUntil = Math.max(busyUntil, row.endMs);
            } else {
                long start = received[j++];
                EventRow row = receiveEvent(today, out, start);
                if (start < busyUntil) {
                    if (!callWaiting(row)) {
                        busy(row);
                    }
                } else if (row.answerMs >= 0) {
                    busyUntil = row.endMs;
                }
            }
        }
    }

    private long[] madeStarts = new long[64];

    /** Whether the subscriber is in one call at a time (VOICE), so the day's events are set in time order. */
    protected boolean oneAtATime() {
        return false;
    }

    /** Whether call waiting lets the subscriber take a call that arrives during another. */
    protected boolean callWaiting(EventRow row) {
        return false;
    }

    /** Turns a received call that arrives while the subscriber is on another into a BUSY one. */
    protected void busy(EventRow row) {
    }

    /**
     * Events this subscriber makes, to contacts. (Made and received events are two methods, not one, so
     * the JIT compiles each on its own: together they were the costliest compile of a short run, and were
     * compiled over again whenever either loop met a case its first compile had not seen.)
     */
    private void makeEvents(SubscriberDay today, RowBatch out, long[] starts, int count) {
        for (int i = 0; i < count; i++) {
            makeEvent(today, out, starts[i], -1);
        }
    }

    /** @param contact the callee's entry in the day's book, or -1 to draw one by rank */
    private EventRow makeEvent(SubscriberDay today, RowBatch out, long start, int contact) {
        ContactBook contacts = today.contacts;
        if (contact < 0) {
            contact = contacts.pick(contactRank);
        }
        int other = contacts.subscriber(contact);
        EventRow row = out.add();
        row.direction = Direction.MO;
        row.otherPartyMsisdn = contacts.msisdn(contact);
        row.otherPartyOnNet = other >= 0;
        fillServed(row, today.party, start, today.references.next());
        fill(row, today.party, today.day, today.placement);
        if (other >= 0) {
            switch (mtLeg.add(row, other, today.party.subscriber().msisdn, today.day, out)) {
                case UNALLOCATED -> unallocated(row);
                case ABSENT -> absent(row);
                default -> { }
            }
        }
        return row;
    }

    /** Events this subscriber receives from other networks (calls from on-net contacts are their MO's MT leg). */
    private void receiveEvents(SubscriberDay today, RowBatch out, long[] starts, int count) {
        for (int i = 0; i < count; i++) {
            receiveEvent(today, out, starts[i]);
        }
    }

    private EventRow receiveEvent(SubscriberDay today, RowBatch out, long start) {
        ContactBook contacts = today.contacts;
        int contact = contacts.pickOffNet(contactRank);
        EventRow row = out.add();
        row.direction = Direction.MT;
        row.otherPartyMsisdn = contact >= 0 ? contacts.msisdn(contact)
                : model.otherParties.number(rng.nextLong());
        row.otherPartyOnNet = false;
        fillServed(row, today.party, start, today.references.next());
        fill(row, today.party, today.day, today.placement);
        return row;
    }

    private void fillServed(EventRow row, PartyDay party, long start, long reference) {
        row.eventType = traffic.eventType();
        row.callReference = reference;
        row.servedImsi = party.subscriber().imsi;
        row.servedMsisdn = party.subscriber().msisdnBytes;
        row.servedImei = party.handset().imei();
        row.startMs = start;
    }

    /** Turns a filled MO row into an attempt to a number not (yet) in service: no MT leg, no delivery. */
    protected abstract void unallocated(EventRow row);

    /** Turns a filled MO row into an attempt to a subscriber whose phone is off: no MT leg, no delivery. */
    protected abstract void absent(EventRow row);

    /** Fills the service's own fields (outcome, times, location) of a row whose start and parties are set. */
    protected abstract void fill(EventRow row, PartyDay party, DayCalendar day, Placement placement);
}
