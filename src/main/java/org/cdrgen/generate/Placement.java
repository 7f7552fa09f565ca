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
 * Where an event happens: at work in working hours on working days, now and then at one of a few other
 * places, otherwise at home; on the usual sector of a place most of the time. Fills the serving-network
 * fields of a row (PLMN, TAC, cell, RAT, roaming, recording entity).
 */
final class Placement {
    private static final RatType[] RATS = RatType.values();
    private final CellNetwork network;
    private final ModelTables tables;
    private final MobilityProfile mobility;

    Placement(GenerationModel model) {
        this.network = model.network;
        this.tables = model.tables;
        this.mobility = model.profile.mobility();
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
        Subscriber s = party.subscriber();
        int site;
        int sector;
        int hour = day.localHour(epochMs);
        double u = rng.nextDouble();
        if (s.hasWorkPlace() && day.workingDay && hour >= mobility.workStartHour() && hour < mobility.workEndHour()
                && u < mobility.atWorkProbability()) {
            site = s.workSite;
            sector = s.workSector;
        } else if (s.otherSites.length > 0 && rng.nextDouble() < mobility.otherPlaceProbability()) {
            site = s.otherSites[rng.nextInt(s.otherSites.length)];
            sector = rng.nextInt(CellNetwork.SECTORS);
        } else {
            site = s.homeSite;
            sector = s.homeSector;
        }
        // Within a place people move between rooms, streets and sectors.
        if (rng.nextDouble() < 0.35) {
            sector = rng.nextInt(CellNetwork.SECTORS);
        }
        site = network.servingSite(site, best);
        RatType served = network.servedRat(site, wished, best);
        row.roaming = false;
        row.visitedPlmn = null;
        row.mcc = tables.homeMcc;
        row.mnc = tables.homeMnc;
        row.tac = network.trackingArea(site);
        row.cellId = network.cellId(site, sector, served);
        row.ratType = served;
        if (mscEntity) {
            row.recordingEntity = tables.mscBytes[network.msc(site)];
        }
    }
}
