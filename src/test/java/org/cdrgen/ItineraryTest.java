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
 * People do not teleport (issue 13, item 2, in part): every row of a subscriber, their own and the MT rows
 * of on-net calls to them written by the caller's chunk, is placed by one itinerary of the day, so consecutive
 * rows at two sites imply no more than the trip between them. On main 6.74% of a subscriber's consecutive site
 * changes implied more than 300 km/h (2,000 subscribers x 7 days; 36% of users did it at least once).
 */
class ItineraryTest {
    @TempDir
    Path tmp;

    @Test
    void consecutiveRowsNeverImplyAJumpFasterThan300KmH() {
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "2000", "--days", "3", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        Csv cells = Drops.readCsv(drop.resolve("cells.csv"));
        Map<String, double[]> where = new HashMap<>();
        for (CSVRecord c : cells.records()) {
            where.put(c.get(cells.column("rat_type")) + "/" + c.get(cells.column("tac")) + "/" + c.get(cells.column("cell_id")),
                    new double[] {Double.parseDouble(c.get(cells.column("latitude"))),
                        Double.parseDouble(c.get(cells.column("longitude")))});
        }
        Map<String, List<double[]>> track = new HashMap<>();
        for (List<Path> parts : Drops.eventFilesByDay(drop).values()) {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    double[] at = where.get(r.get(csv.column("rat_type")) + "/" + r.get(csv.column("tac")) + "/"
                            + r.get(csv.column("cell_id")));
                    if (at != null) {
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
