package org.cdrgen.output;

import java.time.LocalDate;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.Handset;
import org.cdrgen.model.RatType;
import org.cdrgen.model.Subscriber;

/** Rows of the dimension files subscribers.csv and cells.csv, in {@link EventSchema} column order. */
public final class DimensionRowFormatter {
    private static final byte COMMA = ',';

    private DimensionRowFormatter() {
    }

    /** @param workCellId -1 when the subscriber has no separate work place */
    public static void subscriber(Subscriber s, Handset handset, long homeCellId, long workCellId, ByteSink out) {
        out.putLong(s.id).put(COMMA);
        out.put(s.imsi).put(COMMA);
        out.put(s.msisdnBytes).put(COMMA);
        out.put(handset.imei()).put(COMMA);
        out.putAscii(s.plan.name()).put(COMMA);
        out.putAscii(LocalDate.ofEpochDay(s.activationEpochDay).toString()).put(COMMA);
        out.putLong(homeCellId).put(COMMA);
        if (workCellId >= 0) {
            out.putLong(workCellId);
        }
        out.put(COMMA);
        out.putAscii(handset.bestRat().name()).put((byte) '\n');
    }

    public static void cell(CellNetwork network, int site, int sector, RatType rat, byte[] mcc, byte[] mnc,
            ByteSink out) {
        out.putLong(network.cellId(site, sector, rat)).put(COMMA);
        out.put(mcc).put(COMMA);
        out.put(mnc).put(COMMA);
        out.putLong(network.trackingArea(site)).put(COMMA);
        out.putAscii(rat.name()).put(COMMA);
        out.putFixed(network.latitude(site), 6).put(COMMA);
        out.putFixed(network.longitude(site), 6).put(COMMA);
        out.putLong(network.azimuth(site, sector)).put((byte) '\n');
    }

}
