package org.cdrgen.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.cdrgen.config.MobilityProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.RatType;
import org.cdrgen.model.Subscriber;

/**
 * Where an event happens: where the subscriber's itinerary of the day is at its time ({@link Itinerary}), on
 * the usual sector of a place most of the time; abroad, the visited network. Fills the serving-network fields
 * of a row (PLMN, TAC, cell, RAT, roaming, recording entity).
 */
final class Placement {
    private static final RatType[] RATS = RatType.values();
    private final CellNetwork network;
    private final ModelTables tables;
    private final MobilityProfile mobility;

    /** The last few subscriber-days' itineraries: the served subscriber's, and callees' of on-net calls. */
    private final Itinerary[] itineraries = new Itinerary[4];
    private int nextSlot;

    Placement(GenerationModel model) {
        this.network = model.network;
        this.tables = model.tables;
        this.mobility = model.profile.mobility();
        for (int i = 0; i < itineraries.length; i++) {
            itineraries[i] = new Itinerary(model);
        }
    }

    /**
     * Moves a later record of a data session at home to where the subscriber is at its start, on the session's
     * RAT where that site has it, else the best lower layer there (see {@link DataGenerator}'s bound).
     */
    void move(EventRow row, Subscriber s, RatType best, DayCalendar day, long epochMs, UniformRandomProvider rng) {
        if (row.roaming) {
            return; // abroad the visited network's cells are not ours to follow
        }
        homeCell(row, s, row.ratType, best, day, epochMs, rng);
    }

    /**
     * The instant after a home-network record's start, before {@code endMs}, at which the site serving the
     * subscriber changes; -1 if it does not (abroad: the visited network's cells are not followed).
     */
    long siteChangeMs(EventRow row, Subscriber s, RatType best, DayCalendar day, long endMs) {
        if (row.roaming) {
            return -1;
        }
        return itinerary(s, day).siteChangeMs(row.startMs, endMs, best);
    }

    /**
     * Sets a home-network row's tac, cell_id and rat_type where the itinerary has the subscriber then; returns
     * the serving site. At home or work people move between rooms and sectors; on the way any sector serves.
     */
    private int homeCell(EventRow row, Subscriber s, RatType wished, RatType best, DayCalendar day, long epochMs,
            UniformRandomProvider rng) {
        Itinerary where = itinerary(s, day);
        int site = network.servingSite(where.siteAt(epochMs), best);
        int sector = where.sectorAt(epochMs);
        if (sector < 0 || where.atUsualPlace(epochMs) && rng.nextDouble() < 0.35) {
            sector = rng.nextInt(CellNetwork.SECTORS);
        }
        RatType rat = network.servedRat(site, wished, best);
        row.tac = network.trackingArea(site);
        row.cellId = network.cellId(site, sector, rat);
        row.ratType = rat;
        return site;
    }

    private Itinerary itinerary(Subscriber s, DayCalendar day) {
        for (Itinerary it : itineraries) {
            if (it.personId == s.personId && it.epochDay == day.epochDay) {
                return it;
            }
        }
        Itinerary it = itineraries[nextSlot];
        nextSlot = (nextSlot + 1) % itineraries.length;
        it.build(s, day);
        return it;
    }

    /**
     * Sets where a row happens: serving network, cell and RAT, and for VOICE and SMS rows the serving MSC as
     * recording entity (a DATA row's is its packet gateway, set by the data service).
     *
     * @param ratWish the service's RAT preference, bound to {@code rng}
     */
    void place(EventRow row, PartyDay party, DayCalendar day, long epochMs, UniformRandomProvider rng,
            SharedStateDiscreteSampler ratWish) {
        boolean mscEntity = row.eventType != EventType.DATA;
        RatType best = party.handset().bestRat();
        RatType wished = RATS[Math.min(ratWish.sample(), best.ordinal())];
        if (party.roaming()) {
            int plmn = party.roamingPlmn();
            row.roaming = true;
            row.mcc = tables.visitedMcc[plmn];
            row.mnc = tables.visitedMnc[plmn];
            row.visitedPlmn = tables.visitedPlmnBytes[plmn];
            row.tac = -1; // the visited network's cells are not in cells.csv
            row.cellId = -1;
            row.ratType = wished;
            if (mscEntity) {
                row.recordingEntity = tables.visitedMscBytes[plmn];
            }
            return;
        }
        row.roaming = false;
        row.visitedPlmn = null;
        row.mcc = tables.homeMcc;
        row.mnc = tables.homeMnc;
        int site = homeCell(row, party.subscriber(), wished, best, day, epochMs, rng);
        if (mscEntity) {
            row.recordingEntity = tables.mscBytes[network.msc(site)];
        }
    }
}
