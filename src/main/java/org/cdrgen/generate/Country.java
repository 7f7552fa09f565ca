package org.cdrgen.generate;

import java.util.List;
import org.cdrgen.config.CountryProfile;

/**
 * The country's map as places people live: every settlement (the profile's cities, then towns continuing
 * their Zipf law of sizes, scattered around cities picked by size) is a disc whose density falls
 * exponentially from its centre, over a radius that grows with the square root of its population; around
 * every settlement a wider rural disc holds its share of the rural people. Homes are laid out in settlement
 * order ({@link Settlement}): a position's share of the order picks the settlement, and within it a Hilbert
 * curve keeps neighbours in the order neighbours on the map. Sites are drawn from the same discs, with
 * weights that follow population to a power below 1 (denser, smaller cells in cities). A pure function of
 * (seed, profile): the map keeps its size whatever the population.
 */
public final class Country {
    private static final double KM_PER_DEGREE = 111.32;
    /** Hilbert curve of 2^10 x 2^10 cells over a settlement's (radius quantile, angle) square. */
    private static final int CURVE_ORDER = 10;
    private static final int CURVE_SIDE = 1 << CURVE_ORDER;
    /** Radius quantiles of the exponential disc (radial law Gamma(2)), cut at the 99.5th percentile. */
    private static final int RADIUS_STEPS = 1024;
    private static final double RADIUS_CUT = 0.995;
    private static final double[] RADIUS = radiusTable();

    private final CountryProfile profile;
    private final double kmPerLonDegree;
    /** Discs: urban settlements 0..settlements-1, then their rural discs in the same order. */
    private final int settlements;
    private final double[] centerX;
    private final double[] centerY;
    private final double[] scaleKm;
    private final double[] people;
    private final double[] peopleCumulative;
    private final CumulativeIndex peopleIndex;
    private final double[] urbanCumulative;
    private final CumulativeIndex urbanIndex;
    private final double siteDensityExponent;
    private final double[] sitesCumulative;
    private final CumulativeIndex sitesIndex;

    public Country(long seed, CountryProfile profile, double siteDensityExponent) {
        this.profile = profile;
        this.siteDensityExponent = siteDensityExponent;
        this.kmPerLonDegree = KM_PER_DEGREE * Math.cos(Math.toRadians(profile.originLatitude()));
        List<CountryProfile.City> cities = profile.cities();
        int towns = profile.towns().count();
        this.settlements = cities.size() + towns;
        int discs = 2 * settlements;
        centerX = new double[discs];
        centerY = new double[discs];
        scaleKm = new double[discs];
        people = new double[discs];
        double[] hostWeight = new double[cities.size()];
        double hostSum = 0;
        for (int c = 0; c < cities.size(); c++) {
            centerX[c] = east(cities.get(c).longitude());
            centerY[c] = north(cities.get(c).latitude());
            people[c] = cities.get(c).population();
            hostSum += Math.sqrt(people[c]);
            hostWeight[c] = hostSum;
        }
        double largest = profile.largestCity();
        for (int t = 0; t < towns; t++) {
            int d = cities.size() + t;
            long h = Seeds.hash(seed, t, 2, Seeds.Purpose.SETTLEMENT);
            int host = 0;
            double pick = Seeds.unit(h) * hostSum;
            while (host < cities.size() - 1 && hostWeight[host] <= pick) {
                host++;
            }
            double km = profile.towns().spreadKm() * Math.exp(0.8 * Quantiles.standardNormal(Seeds.unit(Seeds.mix(h))));
            double angle = 2 * Math.PI * Seeds.unit(Seeds.mix(Seeds.mix(h)));
            centerX[d] = centerX[host] + km * Math.cos(angle);
            centerY[d] = centerY[host] + km * Math.sin(angle);
            people[d] = largest * Math.pow(d + 1, -profile.towns().zipfExponent());
        }
        double urban = 0;
        double ruralWeight = 0;
        for (int d = 0; d < settlements; d++) {
            scaleKm[d] = profile.cityRadiusKm() * Math.sqrt(people[d] / 1e6);
            urban += people[d];
            ruralWeight += Math.sqrt(people[d]);
        }
        double rural = urban * profile.ruralShare() / (1 - profile.ruralShare());
        for (int d = 0; d < settlements; d++) {
            int r = settlements + d;
            centerX[r] = centerX[d];
            centerY[r] = centerY[d];
            scaleKm[r] = profile.ruralRadiusKm();
            people[r] = rural * Math.sqrt(people[d]) / ruralWeight;
        }
        this.peopleCumulative = cumulative(people, 1.0, discs);
        this.peopleIndex = new CumulativeIndex(peopleCumulative);
        this.urbanCumulative = cumulative(people, 1.0, settlements);
        this.urbanIndex = new CumulativeIndex(urbanCumulative);
        this.sitesCumulative = cumulative(people, siteDensityExponent, discs);
        this.sitesIndex = new CumulativeIndex(sitesCumulative);
    }

    /** Cumulative shares of weight^exponent over the first n discs, ending at exactly 1. */
    private static double[] cumulative(double[] weight, double exponent, int n) {
        double[] out = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(weight[i], exponent);
            out[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
        out[n - 1] = 1.0;
        return out;
    }

    /** Urban settlements (the profile's cities first, then the towns). */
    public int settlements() {
        return settlements;
    }

    public double centerX(int settlement) {
        return centerX[settlement];
    }

    public double centerY(int settlement) {
        return centerY[settlement];
    }

    /** The radius (km) over which a settlement's density falls by e. */
    public double scaleKm(int settlement) {
        return scaleKm[settlement];
    }

    /**
     * The home at a share u in [0, 1) of the settlement order: the settlement whose people that share falls
     * in, and within it the point the Hilbert curve reaches there; jitter (from {@code hash}) keeps homes off
     * a lattice. Writes km east, km north into {@code out}.
     */
    public void home(double u, long hash, double[] out) {
        int disc = peopleIndex.pick(u);
        double before = disc == 0 ? 0 : peopleCumulative[disc - 1];
        double v = (u - before) / (peopleCumulative[disc] - before);
        long d = Math.min((long) CURVE_SIDE * CURVE_SIDE - 1, (long) (v * CURVE_SIDE * CURVE_SIDE));
        long cell = hilbertCell(d);
        double a = ((int) (cell >>> 32) + Seeds.unit(hash)) / CURVE_SIDE;
        double b = ((int) cell + Seeds.unit(Seeds.mix(hash))) / CURVE_SIDE;
        pointOf(disc, a, b, out);
    }

    /**
     * A site's position. A coverage site (a share of them) stands anywhere within {@link #COVERAGE_RADII} rural
     * radii of a settlement picked uniformly, so roads between towns have service; the others follow people: a
     * disc drawn by population^site_density_exponent, a point of it by its density.
     */
    public void site(long hash, double coverageShare, double[] out) {
        long h1 = Seeds.mix(hash);
        long h2 = Seeds.mix(h1);
        if (Seeds.unit(hash) < coverageShare) {
            int settlement = (int) Long.remainderUnsigned(Seeds.mix(h2), settlements);
            double r = COVERAGE_RADII * profile.ruralRadiusKm() * Math.sqrt(Seeds.unit(h1));
            double angle = 2 * Math.PI * Seeds.unit(h2);
            out[0] = centerX[settlement] + r * Math.cos(angle);
            out[1] = centerY[settlement] + r * Math.sin(angle);
            return;
        }
        int disc = sitesIndex.pick(Seeds.unit(Seeds.mix(h2)));
        pointOf(disc, Seeds.unit(h1), Seeds.unit(h2), out);
    }

    private static final double COVERAGE_RADII = 3;

    /** A settlement picked by population (u in [0, 1)): where long trips go. */
    public int settlementByPopulation(double u) {
        return urbanIndex.pick(u);
    }

    /** The disc's point at radius quantile a and angle share b. */
    void pointOf(int disc, double a, double b, double[] out) {
        double q = a * RADIUS_STEPS;
        int i = Math.min(RADIUS_STEPS - 1, (int) q);
        double r = (RADIUS[i] + (q - i) * (RADIUS[i + 1] - RADIUS[i])) * scaleKm[disc];
        double angle = 2 * Math.PI * b;
        out[0] = centerX[disc] + r * Math.cos(angle);
        out[1] = centerY[disc] + r * Math.sin(angle);
    }

    public double east(double longitude) {
        return (longitude - profile.originLongitude()) * kmPerLonDegree;
    }

    public double north(double latitude) {
        return (latitude - profile.originLatitude()) * KM_PER_DEGREE;
    }

    public double latitude(double north) {
        return profile.originLatitude() + north / KM_PER_DEGREE;
    }

    public double longitude(double east) {
        return profile.originLongitude() + east / kmPerLonDegree;
    }

    /** r/scale at quantiles 0, 1/n, .. 1 of the radial law r e^-r (density e^-r over the plane), cut at RADIUS_CUT. */
    private static double[] radiusTable() {
        double[] table = new double[RADIUS_STEPS + 1];
        for (int i = 0; i <= RADIUS_STEPS; i++) {
            double p = RADIUS_CUT * i / RADIUS_STEPS;
            double lo = 0;
            double hi = 20;
            for (int k = 0; k < 60; k++) {
                double mid = (lo + hi) / 2;
                if (1 - (1 + mid) * Math.exp(-mid) < p) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            table[i] = (lo + hi) / 2;
        }
        return table;
    }

    /** Cell (x << 32 | y) of the d-th step of the Hilbert curve on a CURVE_SIDE square (the classic d2xy walk). */
    static long hilbertCell(long d) {
        int x = 0;
        int y = 0;
        long t = d;
        for (int s = 1; s < CURVE_SIDE; s *= 2) {
            int rx = (int) (1 & (t / 2));
            int ry = (int) (1 & (t ^ rx));
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                int swap = x;
                x = y;
                y = swap;
            }
            x += s * rx;
            y += s * ry;
            t /= 4;
        }
        return (long) x << 32 | y;
    }

    /** The index along a Hilbert curve of order 16 of a point in a box (for numbering sites so that id ranges are patches). */
    static long hilbertIndex(double px, double py, double minX, double minY, double side) {
        int n = 1 << 16;
        int x = (int) Math.min(n - 1, Math.max(0, (px - minX) / side * n));
        int y = (int) Math.min(n - 1, Math.max(0, (py - minY) / side * n));
        long d = 0;
        for (int s = n / 2; s > 0; s /= 2) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = n - 1 - x;
                    y = n - 1 - y;
                }
                int swap = x;
                x = y;
                y = swap;
            }
        }
        return d;
    }
}
