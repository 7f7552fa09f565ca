package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local time abroad (issue 13, item 5): a roamer's day follows the visited country's clock, timestamps stay
 * UTC. With every trip to the US (America/New_York, 4-5 hours behind the UK) the night hours there are as
 * quiet as at home; on main 14.5% of US roaming calls fell at 02-06 New York time (1.2% at home), because
 * activity followed the UK clock.
 */
class RoamingClockTest {
    @TempDir
    Path tmp;

    @Test
    void roamersLiveByTheVisitedClock() throws Exception {
        Path profile = Files.writeString(tmp.resolve("us-trips.yaml"), "mobility:\n"
                + "  roaming_trip_daily_probability: 0.2\n"
                + "  visited_plmns:\n    - { plmn: \"310-260\", share: 1, time_zone: America/New_York }\n");
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "2000", "--days", "4", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--config", profile.toString(), "--output-dir", drop.toString());
        ZoneId newYork = ZoneId.of("America/New_York");
        int[] abroad = new int[24];
        int calls = 0;
        for (java.util.List<Path> parts : Drops.eventFilesByDay(drop).values()) {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    if (r.get(csv.column("event_type")).equals("VOICE") && r.get(csv.column("roaming")).equals("true")) {
                        abroad[Instant.parse(r.get(csv.column("start_time"))).atZone(newYork).getHour()]++;
                        calls++;
                    }
                }
            }
        }
        int night = abroad[2] + abroad[3] + abroad[4] + abroad[5];
        int evening = abroad[16] + abroad[17] + abroad[18] + abroad[19];
        String shape = "roaming calls by New York hour: " + java.util.Arrays.toString(abroad);
        assertTrue(calls > 2000, shape);
        assertTrue(night < 0.03 * calls && evening > 0.2 * calls, shape);
    }
}
