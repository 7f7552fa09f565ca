package org.cdrgen.output;

import java.util.ArrayList;
import java.util.List;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.sink.RowSink;

/**
 * A chunk's rows kept as typed rows, for a writer that keeps types (Parquet): what {@link ChunkBuffer} is for
 * CSV. The row objects are pooled and reused chunk after chunk, so a run allocates them once.
 */
public final class RowChunk implements RowSink {
    private final List<EventRow> events = new ArrayList<>();
    private final List<SubscriberRow> subscribers = new ArrayList<>();
    private final List<CellRow> cells = new ArrayList<>();
    private int eventCount;
    private int subscriberCount;
    private int cellCount;

    public void reset() {
        eventCount = 0;
        subscriberCount = 0;
        cellCount = 0;
    }

    @Override
    public void event(EventRow row) {
        if (eventCount == events.size()) {
            events.add(new EventRow());
        }
        events.get(eventCount++).copyFrom(row);
    }

    @Override
    public void subscriber(SubscriberRow row) {
        if (subscriberCount == subscribers.size()) {
            subscribers.add(new SubscriberRow());
        }
        copy(row, subscribers.get(subscriberCount++));
    }

    @Override
    public void cell(CellRow row) {
        if (cellCount == cells.size()) {
            cells.add(new CellRow());
        }
        CellRow c = cells.get(cellCount++);
        c.cellId = row.cellId;
        c.mcc = row.mcc;
        c.mnc = row.mnc;
        c.tac = row.tac;
        c.ratType = row.ratType;
        c.latitude = row.latitude;
        c.longitude = row.longitude;
        c.azimuthDeg = row.azimuthDeg;
    }

    private static void copy(SubscriberRow from, SubscriberRow to) {
        to.subscriberId = from.subscriberId;
        to.holder = from.holder;
        to.validFromEpochDay = from.validFromEpochDay;
        to.validToEpochDay = from.validToEpochDay;
        to.changeReason = from.changeReason;
        to.endReason = from.endReason;
        to.servedImsi = from.servedImsi;
        to.servedMsisdn = from.servedMsisdn;
        to.servedImei = from.servedImei;
        to.plan = from.plan;
        to.activationEpochDay = from.activationEpochDay;
        to.homeCellId = from.homeCellId;
        to.workCellId = from.workCellId;
        to.deviceRat = from.deviceRat;
        to.homeRat = from.homeRat;
        to.homeTac = from.homeTac;
        to.workRat = from.workRat;
        to.workTac = from.workTac;
    }

    public int eventRows() {
        return eventCount;
    }

    public EventRow event(int i) {
        return events.get(i);
    }

    public int subscriberRows() {
        return subscriberCount;
    }

    public SubscriberRow subscriber(int i) {
        return subscribers.get(i);
    }

    public int cellRows() {
        return cellCount;
    }

    public CellRow cell(int i) {
        return cells.get(i);
    }
}
