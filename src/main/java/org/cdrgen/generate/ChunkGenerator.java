package org.cdrgen.generate;

import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.Handset;
import org.cdrgen.model.RatType;
import org.cdrgen.model.VersionChange;
import org.cdrgen.model.Subscriber;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.sink.RowSink;

/**
 * Generates one chunk, a block of subscribers on one day, into a {@link RowSink}. One instance per
 * worker thread (it reuses its buffers); the result depends only on the chunk, never on which worker ran
 * it or what it ran before, so chunks can be generated in any order, in parallel, or on other machines.
 */
public final class ChunkGenerator implements MtLeg.Parties {
    private final GenerationModel model;
    private final ContactBook contacts;
    private final Service[] services;
    private final RowBatch batch = new RowBatch();
    private final CallReferences references = new CallReferences();
    private final SubscriberDay today;
    private final DayRows dayRows = new DayRows(batch);
    private final StreamRandom scenarioRandom = new StreamRandom();
    private final SubscriberRow subscriberRow = new SubscriberRow();

    private PartyDay[] block = new PartyDay[0];
    private int blockFirst;
    private int blockCount;
    private long blockEpochDay = Long.MIN_VALUE;
    /** Where {@link #build} gets the mood of the day before, next to the day's. */
    private final double[] dayBefore = new double[1];
    /**
     * Callees outside the block, by id (direct-mapped): on-net ties reach anywhere in the base, but a caller
     * calls their few strongest ties again and again, so the callee of an MT leg is mostly one met before.
     */
    private static final int CALLEES = 1 << 10;
    private final PartyDay[] callees = new PartyDay[CALLEES];
    private final int[] calleeIds = new int[CALLEES];
    private final long[] calleeDays = new long[CALLEES];

    public ChunkGenerator(GenerationModel model) {
        this.model = model;
        Placement placement = new Placement(model);
        this.contacts = new ContactBook(model.seed, model.population, model.otherParties, model.profile.contacts(),
                model.profile.population());
        this.services = Services.of(model, new MtLeg(model, placement, this));
        this.today = new SubscriberDay(contacts, placement, references);
    }

    /**
     * @param withSubscriberRows also hand over the block's subscribers.csv rows (done once, on the first day):
     *     every version of each line's identity that is valid on some day of the run
     * @return whether some subscriber-day hit the row cap and lost rows (no realistic profile does)
     */
    public boolean generate(int dayIndex, int first, int count, boolean withSubscriberRows, RowSink out) {
        DayCalendar day = model.day(dayIndex);
        loadBlock(day, first, count);
        boolean overflowed = false;
        for (int i = 0; i < count; i++) {
            PartyDay party = block[i];
            long subscriberDayKey = day.epochDay * model.subscribers + first + i;
            if (party.active() && !party.away()) {
                overflowed |= generateEvents(party, day, subscriberDayKey);
                writeRows(subscriberDayKey, out);
            }
            if (withSubscriberRows) {
                subscriberRows(party, day.epochDay, out);
            }
        }
        return overflowed;
    }

    /**
     * One subscriber-day's rows, in time order. (Kept apart from the loop over the block, and from
     * {@link #writeRows}, so the JIT compiles each on its own instead of one huge method: that compile
     * alone took most of a second of a short run's two cores.)
     */
    private boolean generateEvents(PartyDay party, DayCalendar day, long subscriberDayKey) {
        batch.reset();
        references.start(subscriberDayKey);
        Subscriber s = party.subscriber();
        contacts.build(s.id, s.personId, s.tenure, s.activationEpochDay, day.epochDay);
        today.party = party;
        today.day = day;
        for (Service service : services) {
            service.generate(today, batch);
        }
        if (model.transforms.length > 0) {
            applyTransforms(party.subscriber().id, day);
        }
        batch.sortByStart(day.startMs());
        return batch.overflowed();
    }

    /** Each scenario on its own stream of (seed, subscriber, day, its name), so none moves another's draws. */
    private void applyTransforms(int subscriber, DayCalendar day) {
        dayRows.pointAt(subscriber, day.date);
        for (DayTransform transform : model.transforms) {
            long stream = Seeds.hash(Seeds.hash(model.seed, subscriber, day.epochDay, Seeds.Purpose.SCENARIO),
                    transform.name().hashCode());
            scenarioRandom.reseed(stream);
            transform.apply(dayRows, scenarioRandom);
        }
    }

    private void writeRows(long subscriberDayKey, RowSink out) {
        long recordBase = subscriberDayKey * RowBatch.PER_SUBSCRIBER_DAY;
        for (int r = 0; r < batch.size(); r++) {
            EventRow row = batch.get(r);
            row.recordId = recordBase + r;
            out.event(row);
        }
    }

    private void subscriberRows(PartyDay party, long firstDay, RowSink out) {
        long lastDay = model.day(model.dayCount() - 1).epochDay;
        Subscriber known = party.subscriber();
        if (party.active() && known.validToEpochDay > lastDay) {
            // The first day's version lasts past the run: the only one, still open at its end (most lines).
            subscriberRow(known, known.validFromEpochDay, -1, known.began, null, party.handset(), out);
            return;
        }
        model.population.history().versions(known.id, firstDay, lastDay, version -> {
            // The version of the first day is the party's own (most lines have no other): not built again.
            boolean same = party.active() && version.validFrom() == known.validFromEpochDay;
            Subscriber s = same ? known : model.population.subscriber(version);
            subscriberRow(s, version.validFrom(), version.validTo() >= LineHistory.NEVER ? -1 : version.validTo(),
                    version.began(), version.ended(), same ? party.handset() : model.population.handset(s), out);
        });
    }

    private void subscriberRow(Subscriber s, long validFrom, long validTo, VersionChange began, VersionChange ended,
            Handset handset, RowSink out) {
        SubscriberRow row = subscriberRow;
        row.subscriberId = s.id;
        row.holder = s.tenure;
        row.validFromEpochDay = validFrom;
        row.validToEpochDay = validTo;
        row.changeReason = began;
        row.endReason = ended;
        row.servedImsi = s.imsi;
        row.servedMsisdn = s.msisdnBytes;
        row.servedImei = handset.imei();
        row.plan = s.plan;
        row.activationEpochDay = s.activationEpochDay;
        CellNetwork network = model.network;
        RatType best = handset.bestRat();
        row.deviceRat = best;
        int home = network.servingSite(s.homeSite, best);
        row.homeRat = network.servedRat(home, best, best);
        row.homeTac = network.trackingArea(home);
        row.homeCellId = network.cellId(home, s.homeSector, row.homeRat);
        if (s.hasWorkPlace()) {
            int work = network.servingSite(s.workSite, best);
            row.workRat = network.servedRat(work, best, best);
            row.workTac = network.trackingArea(work);
            row.workCellId = network.cellId(work, s.workSector, row.workRat);
        } else {
            row.workRat = null;
            row.workTac = -1;
            row.workCellId = -1;
        }
        out.subscriber(row);
    }

    private void loadBlock(DayCalendar day, int first, int count) {
        if (block.length < count) {
            block = new PartyDay[count];
        }
        blockFirst = first;
        blockEpochDay = day.epochDay;
        for (int i = 0; i < count; i++) {
            block[i] = build(first + i, day, true);
        }
        blockCount = count;
    }

    /** @param own a subscriber of the block (with moods), not a callee */
    private PartyDay build(int id, DayCalendar day, boolean own) {
        Subscriber s = model.population.subscriber(id, day.epochDay);
        boolean active = s.activeOn(day.epochDay);
        double mood = Double.NaN;
        double moodDayBefore = Double.NaN;
        if (own && active) {
            mood = model.population.moods(s, day.epochDay, dayBefore);
            moodDayBefore = dayBefore[0];
        }
        return new PartyDay(s, model.population.handset(s), model.population.roamingPlmn(id, day.epochDay), active,
                active && model.population.away(s, day.epochDay), mood, moodDayBefore);
    }

    @Override
    public PartyDay party(int subscriber, DayCalendar day) {
        int index = subscriber - blockFirst;
        if (day.epochDay == blockEpochDay && index >= 0 && index < blockCount) {
            return block[index];
        }
        int slot = subscriber & (CALLEES - 1);
        if (callees[slot] != null && calleeIds[slot] == subscriber && calleeDays[slot] == day.epochDay) {
            return callees[slot];
        }
        PartyDay party = build(subscriber, day, false);
        callees[slot] = party;
        calleeIds[slot] = subscriber;
        calleeDays[slot] = day.epochDay;
        return party;
    }
}
