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
    /** Per (site, wished RAT, phone's best RAT): the RAT served, or -1 when the site has no layer the phone has. */
    private final byte[] servedRat;
    /** Per phone's best RAT: the site that serves a phone at each site (itself, or the nearest with a layer the
     * phone has); null when every site has one. */
    private final int[][] servingSite;

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
        // Looked up for every event, so worked out once per site, wished RAT and phone.
        int n = RATS.length;
        this.servedRat = new byte[layers.length * n * n];
        for (int site = 0; site < layers.length; site++) {
            for (RatType wished : RATS) {
                for (RatType best : RATS) {
                    servedRat[(site * n + wished.ordinal()) * n + best.ordinal()] =
                            (byte) computeServedRat(site, RATS[Math.min(wished.ordinal(), best.ordinal())], best);
                }
            }
        }
        this.servingSite = new int[n][];
        for (RatType best : RATS) {
            servingSite[best.ordinal()] = nearestSitesWithLayerUpTo(best);
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
     * The site that serves a phone whose best RAT is {@code best} when it is at {@code site}: the site itself
     * when it carries a layer the phone has, else the nearest one that does (an LTE-only site gives a 2G phone
     * no service; the phone camps on the 2G coverage around it).
     */
    public int servingSite(int site, RatType best) {
        int[] nearest = servingSite[best.ordinal()];
        return nearest == null ? site : nearest[site];
    }

    /**
     * The RAT a phone gets at a site that serves it (see {@link #servingSite}): the wished one (capped at the
     * phone's best) when the site has it, else the best lower layer there, else the lowest higher one the
     * phone has; never a RAT above the phone's best.
     */
    public RatType servedRat(int site, RatType wished, RatType best) {
        int n = RATS.length;
        int rat = servedRat[(site * n + wished.ordinal()) * n + best.ordinal()];
        if (rat < 0) {
            throw new IllegalArgumentException("site " + site + " has no layer up to " + best + ": use servingSite");
        }
        return RATS[rat];
    }

    private int computeServedRat(int site, RatType wished, RatType best) {
        for (int r = wished.ordinal(); r >= 0; r--) {
            if (hasLayer(site, RATS[r])) {
                return r;
            }
        }
        for (int r = wished.ordinal() + 1; r <= best.ordinal(); r++) {
            if (hasLayer(site, RATS[r])) {
                return r;
            }
        }
        return -1;
    }

    /**
     * For every site, the nearest site (in grid steps, breadth first from all of them at once) that carries a
     * layer up to {@code best}; null when every site does.
     */
    private int[] nearestSitesWithLayerUpTo(RatType best) {
        int sites = layers.length;
        int mask = (1 << (best.ordinal() + 1)) - 1;
        int[] nearest = new int[sites];
        int[] queue = new int[sites];
        int head = 0;
        int tail = 0;
        java.util.Arrays.fill(nearest, -1);
        for (int site = 0; site < sites; site++) {
            if ((layers[site] & mask) != 0) {
                nearest[site] = site;
                queue[tail++] = site;
            }
        }
        if (tail == sites || tail == 0) {
            return null; // all served where they are; or no site at all has such a layer (the profile forbids it)
        }
        while (head < tail) {
            int site = queue[head++];
            int row = row(site);
            int column = column(site);
            int[] neighbours = {row > 0 ? site - gridSide : -1, site + gridSide < sites ? site + gridSide : -1,
                    column > 0 ? site - 1 : -1, column + 1 < gridSide && site + 1 < sites ? site + 1 : -1};
            for (int next : neighbours) {
                if (next >= 0 && nearest[next] < 0) {
                    nearest[next] = nearest[site];
                    queue[tail++] = next;
                }
            }
        }
        return nearest;
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
