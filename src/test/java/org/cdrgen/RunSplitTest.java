package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * One world across runs (issue 12, item 1): the rows of a day are the same bytes whichever run made them:
 * a 3-day run, three 1-day runs, with other --threads, and a shard's day in a long run and alone. Phones are
 * swapped, SIMs changed and holders churned often here (the default profile's rates would change a handful),
 * and part of the base is activated during the three days, so a swap, an activation, a churn or a call to a
 * line without a holder that moved with --start-date would show.
 */
class RunSplitTest {
    private static final int SUBSCRIBERS = 1200;
    private static final LocalDate DAY1 = LocalDate.of(2026, 3, 1);
    /** Swaps on 2% of subscriber-days; the base completes after day 3, so two thirds of the lines start during the run. */
    private static final String LIVELY = "population:\n  device_swap_daily_probability: 0.02\n"
            + "  base_complete_date: 2026-03-04\n  max_activation_age_days: 6\n"
            + "  lifecycle:\n    postpaid_churn_per_year: 12\n    prepaid_churn_per_year: 12\n"
            + "    sim_change_per_year: 6\n    msisdn_quarantine_days: 1\n    msisdn_reissue_mean_days: 0.5\n";

    @TempDir
    Path tmp;

    @Test
    void everyDayIsTheSameBytesWhicheverRunMadeIt() throws Exception {
        Path profile = Files.writeString(tmp.resolve("lively.yaml"), LIVELY);
        Path whole = run("three-days", DAY1, 3, profile, "2");
        Map<String, List<Path>> wholeDays = Drops.eventFilesByDay(whole);
        assertEquals(3, wholeDays.size(), "days in the 3-day run");
        for (int d = 0; d < 3; d++) {
            LocalDate day = DAY1.plusDays(d);
            Path alone = run("day-" + d, day, 1, profile, d == 1 ? "1" : "3");
            assertSameBytes(wholeDays.get(day.toString()), Drops.eventFilesByDay(alone).get(day.toString()), day);
        }
    }

    @Test
    void aShardsDayIsTheSameBytesInALongRunAndAlone() throws Exception {
        Path profile = Files.writeString(tmp.resolve("lively.yaml"), LIVELY);
        Path whole = run("three-days-shard", DAY1, 3, profile, "2", "--shard", "2/3");
        LocalDate day = DAY1.plusDays(2);
        Path alone = run("day-3-shard", day, 1, profile, "1", "--shard", "2/3");
        assertSameBytes(Drops.eventFilesByDay(whole).get(day.toString()), Drops.eventFilesByDay(alone).get(day.toString()), day);
    }

    @Test
    void aLineHasRowsOnlyWithAHolderAndCallsToALineWithoutOneFail() throws Exception {
        Path profile = Files.writeString(tmp.resolve("lively.yaml"), LIVELY);
        Path drop = run("three-days", DAY1, 3, profile, "2");
        Csv subscribers = Drops.readCsv(drop.resolve("subscribers.csv"));
        Map<String, List<CSVRecord>> versions = new HashMap<>();
        int activatedDuringTheRun = 0;
        for (CSVRecord s : subscribers.records()) {
            versions.computeIfAbsent(s.get(subscribers.column("served_msisdn")), k -> new ArrayList<>()).add(s);
            activatedDuringTheRun += LocalDate.parse(s.get(subscribers.column("activation_date"))).isBefore(DAY1) ? 0 : 1;
        }
        assertTrue(activatedDuringTheRun > 10, "lines activated during the run: " + activatedDuringTheRun);
        int rows = 0;
        int unallocated = 0;
        for (Map.Entry<String, List<Path>> day : Drops.eventFilesByDay(drop).entrySet()) {
            LocalDate date = LocalDate.parse(day.getKey());
            for (Path part : day.getValue()) {
                Csv csv = Drops.readCsv(part);
                int served = csv.column("served_msisdn");
                int cause = csv.column("release_cause");
                int other = csv.column("other_party_msisdn");
                for (CSVRecord r : csv.records()) {
                    rows++;
                    assertTrue(heldOn(versions.get(r.get(served)), date, subscribers),
                            () -> "a row on " + date + " of a line without a holder: " + r);
                    if ("1".equals(r.get(cause))) {
                        unallocated++;
                        assertTrue(!heldOn(versions.get(r.get(other)), date, subscribers),
                                () -> "cause 1 (unallocated) to a line with a holder: " + r);
                    }
                }
            }
        }
        assertTrue(rows > 10_000, "rows: " + rows);
        assertTrue(unallocated > 0, "calls to lines without a holder fail with Q.850 cause 1");
    }

    private static boolean heldOn(List<CSVRecord> versions, LocalDate day, Csv subscribers) {
        for (CSVRecord v : versions == null ? List.<CSVRecord>of() : versions) {
            String to = v.get(subscribers.column("valid_to"));
            if (!day.isBefore(LocalDate.parse(v.get(subscribers.column("valid_from"))))
                    && (to.isEmpty() || day.isBefore(LocalDate.parse(to)))) {
                return true;
            }
        }
        return false;
    }

    private Path run(String name, LocalDate start, int days, Path profile, String threads, String... extra) {
        Path dir = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("--subscribers", Integer.toString(SUBSCRIBERS), "--days",
                Integer.toString(days), "--seed", Cli.SEED, "--start-date", start.toString(), "--threads", threads,
                "--max-file-size", "256KiB", "--quiet", "--config", profile.toString(), "--output-dir", dir.toString()));
        args.addAll(List.of(extra));
        Cli.ok(args.toArray(String[]::new));
        return dir;
    }

    private static void assertSameBytes(List<Path> inRun, List<Path> alone, LocalDate day) {
        assertEquals(inRun.size(), alone.size(), "number of parts of " + day);
        for (int i = 0; i < inRun.size(); i++) {
            assertArrayEquals(Drops.read(inRun.get(i)), Drops.read(alone.get(i)),
                    day + " differs between the 3-day run and a run of fewer days: " + inRun.get(i).getFileName());
        }
    }
}
