package org.cdrgen.output;

import java.time.LocalDate;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.SubscriberRow;

/** Rows of the dimension files subscribers.csv and cells.csv, in {@link EventSchema} column order. */
public final class DimensionRowFormatter {
    private static final byte COMMA = ',';

    private DimensionRowFormatter() {
    }

    public static void subscriber(SubscriberRow row, ByteSink out) {
        out.putLong(row.subscriberId).put(COMMA);
        out.putLong(row.holder).put(COMMA);
        out.putAscii(LocalDate.ofEpochDay(row.validFromEpochDay).toString()).put(COMMA);
        if (row.validToEpochDay >= 0) {
            out.putAscii(LocalDate.ofEpochDay(row.validToEpochDay).toString());
        }
        out.put(COMMA);
        out.putAscii(row.changeReason.name()).put(COMMA);
        if (row.endReason != null) {
            out.putAscii(row.endReason.name());
        }
        out.put(COMMA);
        out.put(row.servedImsi).put(COMMA);
        out.put(row.servedMsisdn).put(COMMA);
        out.put(row.servedImei).put(COMMA);
        out.putAscii(row.plan.name()).put(COMMA);
        out.putAscii(LocalDate.ofEpochDay(row.activationEpochDay).toString()).put(COMMA);
        out.putLong(row.homeCellId).put(COMMA);
        if (row.workCellId >= 0) {
            out.putLong(row.workCellId);
        }
        out.put(COMMA);
        out.putAscii(row.deviceRat.name()).put(COMMA);
        out.putAscii(row.homeRat.name()).put(COMMA);
        out.putLong(row.homeTac).put(COMMA);
        if (row.workCellId >= 0) {
            out.putAscii(row.workRat.name()).put(COMMA);
            out.putLong(row.workTac);
        } else {
            out.put(COMMA);
        }
        out.put((byte) '\n');
    }

    public static void cell(CellRow row, ByteSink out) {
        out.putLong(row.cellId).put(COMMA);
        out.put(row.mcc).put(COMMA);
        out.put(row.mnc).put(COMMA);
        out.putLong(row.tac).put(COMMA);
        out.putAscii(row.ratType.name()).put(COMMA);
        out.putFixed(row.latitude, 6).put(COMMA);
        out.putFixed(row.longitude, 6).put(COMMA);
        out.putLong(row.azimuthDeg).put((byte) '\n');
    }
}
