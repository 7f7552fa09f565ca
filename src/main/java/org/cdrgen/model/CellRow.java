package org.cdrgen.model;

/** One row of cells.csv: a sector of a site on one radio layer; mutable and reused, like {@link EventRow}. */
public final class CellRow {
    public long cellId;
    public byte[] mcc;
    public byte[] mnc;
    /** LAC (GERAN/UTRAN) or TAC (EUTRAN/NR) of the site. */
    public int tac;
    public RatType ratType;
    public double latitude;
    public double longitude;
    public int azimuthDeg;
}
