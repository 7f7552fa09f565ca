package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.Plan;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.model.VersionChange;

/** Rows of the dimension files subscribers.csv and cells.csv, in {@link EventSchema} column order. */
public final class DimensionRowFormatter {
    private static final byte COMMA = ',';
    /** The enums' names as bytes, made once: a million subscriber rows would otherwise encode each name anew. */
    private static final byte[][] CHANGES = names(VersionChange.values());
    private static final byte[][] PLANS = names(Plan.values());
    private static final byte[][] RATS = names(RatType.values());

    private DimensionRowFormatter() {
    }

    private static byte[][] names(Enum<?>[] values) {
        byte[][] out = new byte[values.length][];
        for (Enum<?> v : values) {
            out[v.ordinal()] = v.name().getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    public static void subscriber(SubscriberRow row, ByteSink out) {
        out.putLong(row.subscriberId).put(COMMA);
        out.putLong(row.holder).put(COMMA);
        out.putDate(row.validFromEpochDay).put(COMMA);
        if (row.validToEpochDay >= 0) {
            out.putDate(row.validToEpochDay);
        }
        out.put(COMMA);
        out.put(CHANGES[row.changeReason.ordinal()]).put(COMMA);
        if (row.endReason != null) {
            out.put(CHANGES[row.endReason.ordinal()]);
        }
        out.put(COMMA);
        out.put(row.servedImsi).put(COMMA);
        out.put(row.servedMsisdn).put(COMMA);
        out.put(row.servedImei).put(COMMA);
        out.put(PLANS[row.plan.ordinal()]).put(COMMA);
        out.putDate(row.activationEpochDay).put(COMMA);
        out.putLong(row.homeCellId).put(COMMA);
        if (row.workCellId >= 0) {
            out.putLong(row.workCellId);
        }
        out.put(COMMA);
        out.put(RATS[row.deviceRat.ordinal()]).put(COMMA);
        out.put(RATS[row.homeRat.ordinal()]).put(COMMA);
        out.putLong(row.homeTac).put(COMMA);
        if (row.workCellId >= 0) {
            out.put(RATS[row.workRat.ordinal()]).put(COMMA);
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
