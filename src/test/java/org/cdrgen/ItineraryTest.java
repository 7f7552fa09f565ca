package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People move like people (issue 13, item 2). They do not teleport: every row of a subscriber, their own and
 * the MT rows of on-net calls to them written by the caller's chunk, is placed by one itinerary of the day, so
 * consecutive rows at two sites imply no more than the trip between them (on 2d53821 6.74% of site changes
 * implied more than 300 km/h, 2,000 subscribers x 7 days). And they range as measured populations do: with a
 * country to move in and exploration with preferential return, the radius of gyration has a heavy tail and
 * distinct places keep growing (on 931a52f, a city and 5 places each: p99/median 2.4, rg median 1.4 km).
 */
class ItineraryTest {
    @TempDir
    Path tmp;

    @Test
    void radiusOfGyrationIsHeavyTailedAndDistinctPlacesKeepGrowing() {
        Path drop = tmp.resolve("month");
        Cli.ok("--subscribers", "1500", "--days", "28", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        org.cdrgen.inspect.DropReport.Mobility m = org.cdrgen.inspect.DropStatistics.analyze(drop).mobility();
        // González et al. 2008: rg spans a few km to hundreds (p99 / median well above 10).
        assertTrue(m.radiusP99OverMedian() >= 10, "rg p99 / median " + m.radiusP99OverMedian());
        assertTrue(m.radiusOfGyrationKm().median() > 2 && m.radiusOfGyrationKm().median() < 30,
                "rg median " + m.radiusOfGyrationKm().median() + " km");
        // Song et al. 2010: S(t) ~ t^0.6; a fixed set of places saturates (t^0.10 on 931a52f).
        double mu = m.distinctSitesGrowthExponent();
        assertTrue(mu >= 0.3 && mu <= 0.9, "distinct sites grow as t^" + mu);
        assertTrue(m.fastChangeShare() <= 0.005, m.fastChangeShare() + " of site changes faster than 300 km/h");
    }

    @Test
    void consecutiveRowsNeverImplyAJumpFasterThan300KmH() {
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "2000", "--days", "3", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        Map<String, double[]> where = new HashMap<>();
        Drops.cellSites(drop).forEach((cell, site) -> where.put(cell, new double[] {
            Double.parseDouble(site.substring(0, site.indexOf(','))), Double.parseDouble(site.substring(site.indexOf(',') + 1))}));
        Map<String, List<double[]>> track = new HashMap<>();
        for (List<Path> parts : Drops.eventFilesByDay(drop).values()) {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    double[] at = where.get(Drops.cellKey(csv, r));
                    boolean event = !r.get(csv.column("event_type")).equals("DATA")
                            || r.get(csv.column("record_sequence_number")).equals("1");
                    if (at != null && event) {
                        double t = Instant.parse(r.get(csv.column("start_time"))).toEpochMilli() / 1000.0;
                        track.computeIfAbsent(r.get(csv.column("served_msisdn")), k -> new ArrayList<>())
                                .add(new double[] {t, at[0], at[1]});
                    }
                }
            }
        }
        long changes = 0;
        long fast = 0;
        for (List<double[]> rows : track.values()) {
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            for (int i = 1; i < rows.size(); i++) {
                double[] a = rows.get(i - 1);
                double[] b = rows.get(i);
                if (a[1] == b[1] && a[2] == b[2]) {
                    continue;
                }
                changes++;
                double km = Math.hypot((a[1] - b[1]) * 111.32, (a[2] - b[2]) * 111.32 * Math.cos(Math.toRadians(a[1])));
                double hours = Math.max(1, b[0] - a[0]) / 3600;
                if (km / hours > 300) {
                    fast++;
                }
            }
        }
        double share = fast / (double) changes;
        assertTrue(changes > 5_000 && share <= 0.005, fast + " of " + changes + " site changes faster than 300 km/h");
    }
}
