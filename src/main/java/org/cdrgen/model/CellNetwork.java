package org.cdrgen.model;

/**
 * The synthetic radio network: sites on a jittered grid, three sectors each, and one cell per sector for
 * every radio layer the site carries. Cell identities are built as 3GPP builds them: a 16-bit CI within a
 * LAC for GERAN/UTRAN, ECI = eNB id (20 bits) << 8 | cell for E-UTRAN, NCI = gNB id (22 bits) << 14 | cell
 * for NR. A cell is identified by (rat_type, tac, cell_id); ECI and NCI are also unique on their own.
 */
public final class CellNetwork {
    public static final int SECTORS = 3;
    private static final RatType[] RATS = RatType.values();
    /** eNB ids have 20 bits; one site is one eNB (and one gNB). */
    public static final int MAX_SITES = (1 << 20) - 1;
    /** LAC/TAC values 0 and 0xFFFE are reserved (TS 23.003), so areas are numbered 1..65533. */
    private static final int MAX_AREAS = 65_533;

    private final int gridSide;
    private final double[] latitude;
    private final double[] longitude;
    private final int[] azimuthOffset;
    /** Bit r set when the site carries {@code RatType.values()[r]}. */
    private final byte[] layers;
    private final int sitesPerTrackingArea;
    private final int sitesPerMsc;
    private final double siteSpacingKm;
    private final byte[] servedRat;

    public CellNetwork(int gridSide, double[] latitude, double[] longitude, int[] azimuthOffset, byte[] layers,
            int sitesPerTrackingArea, int sitesPerMsc, double siteSpacingKm) {
        this.gridSide = gridSide;
        this.latitude = latitude;
        this.longitude = longitude;
        this.azimuthOffset = azimuthOffset;
        this.layers = layers;
        this.sitesPerTrackingArea = sitesPerTrackingArea;
        this.sitesPerMsc = sitesPerMsc;
        this.siteSpacingKm = siteSpacingKm;
        // Looked up for every event, so worked out once per site and wished RAT.
        this.servedRat = new byte[layers.length * RATS.length];
        for (int site = 0; site < layers.length; site++) {
            for (RatType wished : RATS) {
                servedRat[site * RATS.length + wished.ordinal()] = (byte) computeServedRat(site, wished).ordinal();
            }
        }
    }

    public int siteCount() {
        return layers.length;
    }

    public double siteSpacingKm() {
        return siteSpacingKm;
    }

    public double latitude(int site) {
        return latitude[site];
    }

    public double longitude(int site) {
        return longitude[site];
    }

    public int azimuth(int site, int sector) {
        return (azimuthOffset[site] + sector * 120) % 360;
    }

    public boolean hasLayer(int site, RatType rat) {
        return (layers[site] & (1 << rat.ordinal())) != 0;
    }

    /**
     * The RAT actually served at a site for a wish: the wished one when the site has it, else the best
     * lower layer there, else the lowest higher one (every site carries at least one layer).
     */
    public RatType servedRat(int site, RatType wished) {
        return RATS[servedRat[site * RATS.length + wished.ordinal()]];
    }

    private RatType computeServedRat(int site, RatType wished) {
        RatType[] rats = RATS;
        for (int r = wished.ordinal(); r >= 0; r--) {
            if (hasLayer(site, rats[r])) {
                return rats[r];
            }
        }
        for (int r = wished.ordinal() + 1; r < rats.length; r++) {
            if (hasLayer(site, rats[r])) {
                return rats[r];
            }
        }
        throw new IllegalStateException("site " + site + " carries no layer");
    }

    /** LAC (GERAN/UTRAN) or TAC (E-UTRAN/NR) of a site. */
    public int trackingArea(int site) {
        return 1 + (site / sitesPerTrackingArea) % MAX_AREAS;
    }

    public int msc(int site) {
        return site / sitesPerMsc;
    }

    public int mscCount() {
        return (siteCount() + sitesPerMsc - 1) / sitesPerMsc;
    }

    public long cellId(int site, int sector, RatType rat) {
        switch (rat) {
            case EUTRAN:
                return ((long) (site + 1) << 8) | sector;
            case NR:
                return ((long) (site + 1) << 14) | sector;
            default:
                // A CI is unique within its LAC: number the sectors of the area's sites from 1.
                return (site % sitesPerTrackingArea) * (long) SECTORS + sector + 1;
        }
    }

    /** The site nearest to a point given in grid units (row, column), clamped to the network. */
    public int siteAt(double row, double column) {
        int r = (int) Math.max(0, Math.min(gridSide - 1, Math.round(row)));
        int c = (int) Math.max(0, Math.min(gridSide - 1, Math.round(column)));
        int site = r * gridSide + c;
        return Math.min(site, siteCount() - 1);
    }

    public int row(int site) {
        return site / gridSide;
    }

    public int column(int site) {
        return site % gridSide;
    }
}
