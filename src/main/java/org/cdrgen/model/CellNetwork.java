package org.cdrgen.model;

/**
 * The synthetic radio network: sites where the country's people are (see NetworkBuilder), three sectors
 * each, and one cell per sector for every radio layer the site carries. Positions are km east and north of
 * the country's origin; site ids run along a space-filling curve, so a range of ids (a tracking area, an
 * MSC's area) is a compact patch of the map. Cell identities are built as 3GPP builds them: a 16-bit CI
 * within a LAC for GERAN/UTRAN, ECI = eNB id (20 bits) << 8 | cell for E-UTRAN, NCI = gNB id (22 bits) << 14
 * | cell for NR. A cell is identified by (rat_type, tac, cell_id); ECI and NCI are also unique on their own.
 */
public final class CellNetwork {
    public static final int SECTORS = 3;
    private static final RatType[] RATS = RatType.values();
    /** eNB ids have 20 bits; one site is one eNB (and one gNB). */
    public static final int MAX_SITES = (1 << 20) - 1;
    /** LAC/TAC values 0 and 0xFFFE are reserved (TS 23.003), so areas are numbered 1..65533. */
    private static final int MAX_AREAS = 65_533;

    private final double[] x;
    private final double[] y;
    private final double[] latitude;
    private final double[] longitude;
    private final int[] azimuthOffset;
    /** Bit r set when the site carries {@code RatType.values()[r]}. */
    private final byte[] layers;
    private final int sitesPerTrackingArea;
    private final int sitesPerMsc;
    private final SiteIndex index;
    /**
     * Per raster square: 1 + its nearest site, 0 until asked (see {@link #nearestSite}); in 16 bits while the
     * sites fit (the default network's 20,000 do): half the bytes keep more of the squares people live in
     * within the core's cache, where homes are looked up in no order (a quarter of those lookups' cost).
     */
    private final char[] smallRaster;
    private final int[] raster;
    private final double rasterX;
    private final double rasterY;
    private final long rasterColumns;
    private final long rasterRows;
    /** Per (site, wished RAT, phone's best RAT): the RAT served, or -1 when the site has no layer the phone has. */
    private final byte[] servedRat;
    /** Per phone's best RAT: the site that serves a phone at each site (itself, or the nearest with a layer the
     * phone has); null when every site has one. */
    private final int[][] servingSite;

    /** @param x km east of the origin, per site; y km north; latitude, longitude the same positions in degrees */
    public CellNetwork(double[] x, double[] y, double[] latitude, double[] longitude, int[] azimuthOffset, byte[] layers,
            int sitesPerTrackingArea, int sitesPerMsc) {
        this.x = x;
        this.y = y;
        this.latitude = latitude;
        this.longitude = longitude;
        this.azimuthOffset = azimuthOffset;
        this.layers = layers;
        this.sitesPerTrackingArea = sitesPerTrackingArea;
        this.sitesPerMsc = sitesPerMsc;
        this.index = new SiteIndex(x, y);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < x.length; s++) {
            minX = Math.min(minX, x[s]);
            minY = Math.min(minY, y[s]);
            maxX = Math.max(maxX, x[s]);
            maxY = Math.max(maxY, y[s]);
        }
        this.rasterX = minX - 60;
        this.rasterY = minY - 60;
        long columns = (long) Math.ceil((maxX - minX + 120) / RASTER_KM);
        long rows = (long) Math.ceil((maxY - minY + 120) / RASTER_KM);
        if (x.length == 0 || columns * rows > MAX_RASTER_CELLS) {
            columns = 0;
            rows = 0;
        }
        this.rasterColumns = columns;
        this.rasterRows = rows;
        boolean small = x.length < Character.MAX_VALUE;
        this.smallRaster = small ? new char[(int) (columns * rows)] : null;
        this.raster = small ? null : new int[(int) (columns * rows)];
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

    /** km east of the country's origin. */
    public double x(int site) {
        return x[site];
    }

    /** km north of the country's origin. */
    public double y(int site) {
        return y[site];
    }

    public double distanceKm(int a, int b) {
        return Math.hypot(x[a] - x[b], y[a] - y[b]);
    }

    /**
     * The site nearest to a point of the map (km east, km north of the origin): to the centre of the point's
     * {@link #RASTER_KM} square, looked up once per square and run (homes, places and trips ask millions of
     * times; the squares are few). A point beyond the network's box (60 km around its sites) takes the
     * nearest square inside.
     */
    public int nearestSite(double east, double north) {
        if (rasterColumns == 0) {
            return index.nearest(east, north, null, 0);
        }
        // Beyond the box (out at sea, far from every site) a point takes the site of the nearest square inside.
        long column = Math.max(0, Math.min(rasterColumns - 1, (long) Math.floor((east - rasterX) / RASTER_KM)));
        long row = Math.max(0, Math.min(rasterRows - 1, (long) Math.floor((north - rasterY) / RASTER_KM)));
        int cell = (int) (row * rasterColumns + column);
        int known = square(cell);
        if (known == 0) {
            // Racing threads compute the same site: the write is idempotent.
            double cx = rasterX + (column + 0.5) * RASTER_KM;
            double cy = rasterY + (row + 0.5) * RASTER_KM;
            // A neighbouring square's site, when known, is a close guess (trips fill squares in a line).
            int left = column > 0 ? square(cell - 1) : 0;
            int below = row > 0 ? square((int) (cell - rasterColumns)) : 0;
            int guess = (left != 0 ? left : below) - 1;
            known = 1 + (guess < 0 ? index.nearest(cx, cy, null, 0)
                    : index.nearest(cx, cy, null, 0, guess, (x[guess] - cx) * (x[guess] - cx) + (y[guess] - cy) * (y[guess] - cy)));
            if (smallRaster != null) {
                smallRaster[cell] = (char) known;
            } else {
                raster[cell] = known;
            }
        }
        return known - 1;
    }

    /** 1 + the nearest site of a raster square, or 0 if not known yet. */
    private int square(int cell) {
        return smallRaster != null ? smallRaster[cell] : raster[cell];
    }

    /** The share of a straight trip from site a (left at t0) to site b (reached at t1) done at instant t, at least 0. */
    private static double tripShare(long t0, long t1, long t) {
        return Math.max(0, (double) (t - t0) / Math.max(1, t1 - t0));
    }

    /** The site nearest to where a straight trip from site a (left at t0) to site b (reached at t1) is at t. */
    public int siteOnTrip(int a, int b, long t0, long t1, long t) {
        double f = tripShare(t0, t1, t);
        return nearestSite(x[a] + f * (x[b] - x[a]), y[a] + f * (y[b] - y[a]));
    }

    /**
     * When such a trip (see {@link #siteOnTrip}), at instant t, leaves the raster square it is in then; until
     * then its nearest site cannot change. Long.MIN_VALUE when there is no raster or the point is beyond it
     * (the caller then walks in small steps).
     */
    public long rasterExitMs(int a, int b, long t0, long t1, long t) {
        if (rasterColumns == 0) {
            return Long.MIN_VALUE;
        }
        double f = tripShare(t0, t1, t);
        double dx = x[b] - x[a];
        double dy = y[b] - y[a];
        double px = x[a] + f * dx;
        double py = y[a] + f * dy;
        double column = Math.floor((px - rasterX) / RASTER_KM);
        double row = Math.floor((py - rasterY) / RASTER_KM);
        if (column < 0 || row < 0 || column >= rasterColumns || row >= rasterRows) {
            return Long.MIN_VALUE;
        }
        double exit = Double.POSITIVE_INFINITY;
        if (dx != 0) {
            double edge = rasterX + (dx > 0 ? column + 1 : column) * RASTER_KM;
            exit = Math.min(exit, (edge - x[a]) / dx);
        }
        if (dy != 0) {
            double edge = rasterY + (dy > 0 ? row + 1 : row) * RASTER_KM;
            exit = Math.min(exit, (edge - y[a]) / dy);
        }
        if (!(exit > f)) {
            return Long.MIN_VALUE;
        }
        return exit >= 1 ? t1 : t0 + (long) (exit * Math.max(1, t1 - t0));
    }

    /** The side of a raster square: positions closer than this to a cell boundary may land on either side. */
    static final double RASTER_KM = 0.5;
    /** At most this many squares (about 64 MB at 4 bytes); a larger box makes the squares bigger. */
    private static final long MAX_RASTER_CELLS = 16_000_000;

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

    /** For every site, the nearest site that carries a layer up to {@code best}; null when every site does. */
    private int[] nearestSitesWithLayerUpTo(RatType best) {
        int sites = layers.length;
        int mask = (1 << (best.ordinal() + 1)) - 1;
        int served = 0;
        for (int site = 0; site < sites; site++) {
            served += (layers[site] & mask) != 0 ? 1 : 0;
        }
        if (served == sites || served == 0) {
            return null; // all served where they are; or no site at all has such a layer (the profile forbids it)
        }
        int[] nearest = new int[sites];
        for (int site = 0; site < sites; site++) {
            nearest[site] = (layers[site] & mask) != 0 ? site : index.nearest(x[site], y[site], layers, mask);
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
}
