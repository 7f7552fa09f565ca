package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
 * One call at a time (issue 14, item 3): a subscriber's answered calls do not overlap, but for the few that
 * call waiting takes and on-net calls that arrive during one of the callee's own calls (written with the
 * caller's chunk, which does not see the callee's day). On main 8.35% of answered calls overlapped the
 * same subscriber's previous one (5,000 subscribers x 7 days); now 0.29% there.
 */
class OneCallAtATimeTest {
    @TempDir
    Path tmp;

    @Test
    void answeredCallsOfASubscriberHardlyEverOverlap() {
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "3000", "--days", "3", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        Map<String, List<String[]>> calls = new HashMap<>();
        int busyFromOtherNetworks = 0;
        for (List<Path> parts : Drops.eventFilesByDay(drop).values()) {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    if (!r.get(csv.column("event_type")).equals("VOICE")) {
                        continue;
                    }
                    String disposition = r.get(csv.column("call_disposition"));
                    if (disposition.equals("ANSWERED")) {
                        calls.computeIfAbsent(r.get(csv.column("served_msisdn")), k -> new ArrayList<>())
                                .add(new String[] {r.get(csv.column("answer_time")), r.get(csv.column("end_time"))});
                    } else if (disposition.equals("BUSY") && r.get(csv.column("direction")).equals("MT")) {
                        busyFromOtherNetworks++;
                    }
                }
            }
        }
        int answered = 0;
        int overlapping = 0;
        for (List<String[]> list : calls.values()) {
            list.sort((a, b) -> a[0].compareTo(b[0]));
            String end = "";
            for (String[] call : list) {
                answered++;
                if (call[0].compareTo(end) < 0) {
                    overlapping++;
                }
                end = call[1].compareTo(end) > 0 ? call[1] : end;
            }
        }
        double share = overlapping / (double) answered;
        assertTrue(answered > 20_000 && share <= 0.005, overlapping + " of " + answered + " answered calls overlap");
        assertTrue(busyFromOtherNetworks > 100, "calls from other networks that found the subscriber busy: "
                + busyFromOtherNetworks);
    }
}
