package org.cdrgen.generate;

import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;

/**
 * The terminating record of an on-net call or SMS: written by the caller's chunk, with the callee's
 * identity, phone and location. Its random draws come from a stream of (callee, day, call reference), so
 * they do not depend on anything else the callee did that day.
 */
final class MtLeg {
    /** Finds a subscriber's state on a day; the chunk answers from its cache when it can. */
    interface Parties {
        PartyDay party(int subscriber, DayCalendar day);
    }

    private final long seed;
    private final Placement placement;
    private final Parties parties;
    private final StreamRandom rng = new StreamRandom();
    private final SharedStateDiscreteSampler voiceRat;
    private final SharedStateDiscreteSampler smsRat;

    MtLeg(GenerationModel model, Placement placement, Parties parties) {
        this.seed = model.seed;
        this.placement = placement;
        this.parties = parties;
        this.voiceRat = model.tables.voiceRat.bind(rng);
        this.smsRat = model.tables.smsRat.bind(rng);
    }

    /** What became of the terminating side. */
    enum Outcome { DELIVERED, UNALLOCATED, ABSENT }

    /**
     * @return DELIVERED with the MT row added; UNALLOCATED, adding nothing, when the callee's line has no holder
     *     that day; ABSENT, adding nothing, when the callee is away with the phone off
     */
    Outcome add(EventRow originating, int callee, long callerMsisdn, DayCalendar day, RowBatch out) {
        PartyDay party = parties.party(callee, day);
        if (!party.active()) {
            return Outcome.UNALLOCATED;
        }
        if (party.away()) {
            return Outcome.ABSENT;
        }
        EventRow mt = out.addCopyOf(originating);
        mt.direction = Direction.MT;
        mt.otherPartyMsisdn = callerMsisdn;
        mt.otherPartyOnNet = true;
        mt.servedImsi = party.subscriber().imsi;
        mt.servedMsisdn = party.subscriber().msisdnBytes;
        mt.servedImei = party.handset().imei();
        rng.reseed(Seeds.hash(Seeds.hash(seed, callee, day.epochDay, Seeds.Purpose.MT_LEG),
                originating.callReference));
        placement.place(mt, party, day, originating.startMs, rng,
                originating.eventType == EventType.VOICE ? voiceRat : smsRat);
        return Outcome.DELIVERED;
    }
}
