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
 * Handover and session continuity (issue 13, item 3): a data session open while its subscriber travels is
 * cut where the serving site changes (causeForRecClosing 18 servingNodeChange, 22 rATChange) and goes on at
 * the new site with the same charging_id, so a subscriber's data records are never open at two sites at once.
 * On 931a52f 0.90% of a subscriber's consecutive data records overlapped at two sites (1,000 x 28 days).
 */
class HandoverTest {
    @TempDir
    Path tmp;

    @Test
    void sessionsFollowTheSubscriberAndNeverOverlapAtTwoSites() {
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "1500", "--days", "7", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        Map<String, String> siteOf = Drops.cellSites(drop);
        Map<String, List<String[]>> records = new HashMap<>();
        for (List<Path> parts : Drops.eventFilesByDay(drop).values()) {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    String site = siteOf.get(Drops.cellKey(csv, r));
                    if (r.get(csv.column("event_type")).equals("DATA") && site != null) {
                        records.computeIfAbsent(r.get(csv.column("served_imsi")), k -> new ArrayList<>()).add(new String[] {
                            r.get(csv.column("start_time")), r.get(csv.column("end_time")), site,
                            r.get(csv.column("charging_id")), r.get(csv.column("cause_for_term"))});
                    }
                }
            }
        }
        long pairs = 0;
        long twoSites = 0;
        long handovers = 0;
        long followed = 0;
        for (List<String[]> rows : records.values()) {
            rows.sort((a, b) -> a[0].compareTo(b[0]));
            Map<String, String[]> lastOfSession = new HashMap<>();
            long openUntil = Long.MIN_VALUE;
            String openAt = null;
            for (String[] r : rows) {
                long start = Instant.parse(r[0]).toEpochMilli();
                long end = Instant.parse(r[1]).toEpochMilli();
                pairs++;
                if (start < openUntil && !r[2].equals(openAt)) {
                    twoSites++;
                }
                if (end > openUntil) {
                    openUntil = end;
                    openAt = r[2];
                }
                String[] before = lastOfSession.put(r[3], r);
                if (before != null && (before[4].equals("18") || before[4].equals("22"))) {
                    handovers++;
                    followed += before[1].equals(r[0]) && !before[2].equals(r[2]) ? 1 : 0;
                }
            }
        }
        assertTrue(handovers > 500, handovers + " handovers");
        assertTrue(followed == handovers, followed + " of " + handovers + " handovers go on at another site at once");
        assertTrue(twoSites <= pairs / 10_000, twoSites + " of " + pairs + " data records start at another site while one is open");
    }

    /**
     * No DTM (GPRS class B): no 2G data while the subscriber is in a 2G call. On 931a52f 3.5% of GERAN data
     * records overlapped the subscriber's own answered GERAN call; what is left are on-net calls received, which
     * the caller's chunk writes (the callee's day does not see them).
     */
    @Test
    void noTwoGDataDuringATwoGCall() {
        Path drop = tmp.resolve("dtm");
        Cli.ok("--subscribers", "3000", "--days", "3", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        Map<String, List<long[]>> calls = new HashMap<>();
        Map<String, List<long[]>> data = new HashMap<>();
        for (List<Path> parts : Drops.eventFilesByDay(drop).values()) {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    if (!r.get(csv.column("rat_type")).equals("GERAN")) {
                        continue;
                    }
                    String who = r.get(csv.column("served_imsi"));
                    String type = r.get(csv.column("event_type"));
                    if (type.equals("VOICE") && !r.get(csv.column("answer_time")).isEmpty()) {
                        calls.computeIfAbsent(who, k -> new ArrayList<>()).add(new long[] {
                            Instant.parse(r.get(csv.column("answer_time"))).toEpochMilli(),
                            Instant.parse(r.get(csv.column("end_time"))).toEpochMilli()});
                    } else if (type.equals("DATA")) {
                        data.computeIfAbsent(who, k -> new ArrayList<>()).add(new long[] {
                            Instant.parse(r.get(csv.column("start_time"))).toEpochMilli(),
                            Instant.parse(r.get(csv.column("end_time"))).toEpochMilli()});
                    }
                }
            }
        }
        long records = 0;
        long during = 0;
        for (Map.Entry<String, List<long[]>> e : data.entrySet()) {
            for (long[] d : e.getValue()) {
                records++;
                for (long[] c : calls.getOrDefault(e.getKey(), List.of())) {
                    if (d[0] < c[1] && c[0] < d[1]) {
                        during++;
                        break;
                    }
                }
            }
        }
        assertTrue(records > 1_000, records + " GERAN data records");
        assertTrue(during <= records / 100, during + " of " + records + " GERAN data records overlap a GERAN call");
    }
}
