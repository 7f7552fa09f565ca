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
 * gyration (over all their rows), and the implied speed of consecutive rows at two sites in time order (for
 * the first {@link #FOLLOWED} subscribers of the population: their rows of a day are kept until it ends, so
 * memory stays bounded whatever the drop's size).
 */
final class MobilityStatistics {
    static final int FOLLOWED = 20_000;
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
            today.get(sub).add(new double[] {Instant.parse(row.get(Column.START_TIME)).toEpochMilli(), at[0], at[1]});
        }
    }

    /** Puts a day's rows of each followed subscriber in time order and counts their moves. */
    void endDay() {
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
        for (int s = 0; s < Math.min(FOLLOWED, today.size()); s++) {
            if (last.containsKey(s)) {
                followed++;
                fast += movedFast[s] ? 1 : 0;
            }
        }
        return new DropReport.Mobility(rg, rg.p99() / rg.median(), followed, siteChanges,
                Fractions.share(fastChanges, siteChanges), Fractions.share(fast, followed));
    }

    /** A site's position in km (x east, y north) from a point, by the local flat-earth approximation. */
    static double[] position(double latitude, double longitude, double originLatitude, double originLongitude) {
        return new double[] {(longitude - originLongitude) * KM_PER_DEGREE * Math.cos(Math.toRadians(originLatitude)),
            (latitude - originLatitude) * KM_PER_DEGREE};
    }
}
