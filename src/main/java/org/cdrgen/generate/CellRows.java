package org.cdrgen.generate;

import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.CellRow;
import org.cdrgen.model.RatType;
import org.cdrgen.sink.RowSink;

/** The rows of cells.csv: every sector of every site, on each radio layer the site has. */
public final class CellRows {
    private CellRows() {
    }

    public static void emit(GenerationModel model, RowSink sink) {
        CellNetwork network = model.network;
        CellRow row = new CellRow();
        row.mcc = model.tables.homeMcc;
        row.mnc = model.tables.homeMnc;
        for (int site = 0; site < network.siteCount(); site++) {
            for (RatType rat : RatType.values()) {
                if (!network.hasLayer(site, rat)) {
                    continue;
                }
                for (int sector = 0; sector < CellNetwork.SECTORS; sector++) {
                    row.cellId = network.cellId(site, sector, rat);
                    row.tac = network.trackingArea(site);
                    row.ratType = rat;
                    row.latitude = network.latitude(site);
                    row.longitude = network.longitude(site);
                    row.azimuthDeg = network.azimuth(site, sector);
                    sink.cell(row);
                }
            }
        }
    }
}
