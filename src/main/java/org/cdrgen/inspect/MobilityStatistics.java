package org.cdrgen.inspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cdrgen.inspect.EventRecord.Column;

/**
 * How subscribers move, from the home-network rows whose cell cells.csv places: each one's radius of
 * gyration (over all their rows), and the implied speed of consecutive events (rows but a data session's
 * later records) at two sites in time order (for
 * the first {@link #FOLLOWED} subscribers of the population: their rows of a day are kept until it ends, so
 * memory stays bounded whatever the drop's size), and how the distinct sites they are seen at grow from the
 * first week to the whole drop.
 */
final class MobilityStatistics {
    static final int FOLLOWED = 20_000;
    private static final int WEEK = 7;
    private static final double KM_PER_DEGREE = 111.32;
    private static final double FAST_KMH = 300;

    /** Cell key (see {@link #key}) to its site's position, km east and north of the first cell. */
    private final Map<Long, double[]> sites;
    private double[] n = new double[1024];
    private double[] sumX = new double[1024];
    private double[] sumY = new double[1024];
    private double[] sumSquares = new double[1024];
    /** Per followed subscriber: today's rows as (ms, x, y), and the last row of the days before. */
    private final List<List<double[]>> today = new ArrayList<>();
    private final Map<Integer, double[]> last = new HashMap<>();
    private long siteChanges;
    private long fastChanges;
    private boolean[] movedFast = new boolean[FOLLOWED];
    /** Per followed subscriber: the distinct sites seen so far, and how many by the end of the first week. */
    private final List<java.util.Set<Long>> places = new ArrayList<>();
    private int[] placesFirstWeek = new int[0];
    private int days;

    MobilityStatistics(Map<Long, double[]> sites) {
        this.sites = sites;
    }

    static long key(String rat, long tac, long cellId) {
        long r = switch (rat) {
            case "GERAN" -> 0;
            case "UTRAN" -> 1;
            case "EUTRAN" -> 2;
            default -> 3;
        };
        return r << 62 | (tac & 0xFFFF) << 44 | (cellId & 0xFFF_FFFF_FFFFL);
    }

    void row(int sub, EventRecord row) {
        double[] at = sites.get(key(row.get(Column.RAT_TYPE), row.getLong(Column.TAC), row.getLong(Column.CELL_ID)));
        if (at == null) {
            return;
        }
        if (sub >= n.length) {
            int size = Math.max(sub + 1, n.length * 2);
            n = Arrays.copyOf(n, size);
            sumX = Arrays.copyOf(sumX, size);
            sumY = Arrays.copyOf(sumY, size);
            sumSquares = Arrays.copyOf(sumSquares, size);
        }
        n[sub]++;
        sumX[sub] += at[0];
        sumY[sub] += at[1];
        sumSquares[sub] += at[0] * at[0] + at[1] * at[1];
        if (sub < FOLLOWED) {
            while (today.size() <= sub) {
                today.add(new ArrayList<>());
            }
            // Speeds are between events: a data session's later records start at a limit or a handover, not
            // at anything the subscriber did (a handover's two sites are a cell boundary apart, not a trip).
            if (!"DATA".equals(row.get(Column.EVENT_TYPE)) || row.getLong(Column.RECORD_SEQUENCE_NUMBER) <= 1) {
                today.get(sub).add(new double[] {Instant.parse(row.get(Column.START_TIME)).toEpochMilli(), at[0], at[1]});
            }
            while (places.size() <= sub) {
                places.add(new java.util.HashSet<>());
            }
            places.get(sub).add(Math.round(at[0] * 1000) << 32 ^ Math.round(at[1] * 1000));
        }
    }

    /** Puts a day's rows of each followed subscriber in time order and counts their moves. */
    void endDay() {
        if (++days == WEEK) {
            placesFirstWeek = new int[places.size()];
            for (int sub = 0; sub < places.size(); sub++) {
                placesFirstWeek[sub] = places.get(sub).size();
            }
        }
        for (int sub = 0; sub < today.size(); sub++) {
            List<double[]> rows = today.get(sub);
            if (rows.isEmpty()) {
                continue;
            }
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] before = last.get(sub);
            for (double[] r : rows) {
                if (before != null && (before[1] != r[1] || before[2] != r[2])) {
                    siteChanges++;
                    double km = Math.hypot(r[1] - before[1], r[2] - before[2]);
                    double hours = Math.max(1000, r[0] - before[0]) / 3_600_000.0;
                    if (km / hours > FAST_KMH) {
                        fastChanges++;
                        movedFast[sub] = true;
                    }
                }
                before = r;
            }
            last.put(sub, before);
            rows.clear();
        }
    }

    DropReport.Mobility result(Population population) {
        DoubleList radius = new DoubleList();
        for (int s = 0; s < n.length; s++) {
            if (n[s] > 0 && population.contains(s)) {
                double mx = sumX[s] / n[s];
                double my = sumY[s] / n[s];
                radius.add(Math.sqrt(Math.max(0, sumSquares[s] / n[s] - mx * mx - my * my)));
            }
        }
        Summary rg = radius.summarize();
        int followed = 0;
        int fast = 0;
        long placesWeek = 0;
        long placesAll = 0;
        int withWeek = 0;
        for (int s = 0; s < Math.min(FOLLOWED, today.size()); s++) {
            if (last.containsKey(s)) {
                followed++;
                fast += movedFast[s] ? 1 : 0;
                if (s < placesFirstWeek.length && placesFirstWeek[s] > 0) {
                    withWeek++;
                    placesWeek += placesFirstWeek[s];
                    placesAll += places.get(s).size();
                }
            }
        }
        double weekMean = withWeek == 0 ? Double.NaN : (double) placesWeek / withWeek;
        double allMean = withWeek == 0 ? Double.NaN : (double) placesAll / withWeek;
        // S(t) ~ t^mu between the first week and the whole drop (Song et al. 2010 measure mu = 0.6).
        double exponent = days >= 2 * WEEK && withWeek > 0 ? Math.log(allMean / weekMean) / Math.log((double) days / WEEK)
                : Double.NaN;
        return new DropReport.Mobility(rg, rg.p99() / rg.median(), followed, siteChanges,
                Fractions.share(fastChanges, siteChanges), Fractions.share(fast, followed), days, weekMean, allMean,
                exponent);
    }

    /** A site's position in km (x east, y north) from a point, by the local flat-earth approximation. */
    static double[] position(double latitude, double longitude, double originLatitude, double originLongitude) {
        return new double[] {(longitude - originLongitude) * KM_PER_DEGREE * Math.cos(Math.toRadians(originLatitude)),
            (latitude - originLatitude) * KM_PER_DEGREE};
    }
}
