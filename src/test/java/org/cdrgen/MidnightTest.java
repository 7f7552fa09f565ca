package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing ends at midnight that did not end there (issue 12, item 7). A record belongs to the partition of
 * the (local) day its start_time falls on: a call or SMS that crosses midnight ends on the next day in its
 * start day's partition, and a data session that runs on gets its next partial records in the next day's
 * partition, with the same charging_id and the next record_sequence_number, whichever run made them.
 * The default profile's zone is UTC, so local midnight is 00:00Z.
 */
class MidnightTest {
    static final int SUBSCRIBERS = 3000;
    static final LocalDate DAY1 = LocalDate.parse(Cli.START);
    static final LocalDate DAY2 = DAY1.plusDays(1);
    static final long MIDNIGHT = DAY2.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    static final long TIME_LIMIT_S = new ProfileLoader().loadBuiltIn().profile().data().partialRecordTimeLimitS();

    @TempDir
    static Path tmp;
    static Path twoDays;
    static Path dayTwoAlone;
    /** Rows of the 2-day run, each with the day of the partition it is in. */
    static final List<Row> rows = new ArrayList<>();

    record Row(LocalDate partition, Csv csv, CSVRecord record) {
        String get(String column) {
            return record.get(csv.column(column));
        }

        long ms(String column) {
            return Instant.parse(get(column)).toEpochMilli();
        }

        long num(String column) {
            return Long.parseLong(get(column));
        }

        boolean is(String column, String value) {
            return get(column).equals(value);
        }

        @Override
        public String toString() {
            return partition + ": " + String.join(",", record.toList());
        }
    }

    /** Calls only in the last hour, and long: many cross midnight, on-net ones among them. */
    static final String LATE_LONG_CALLS = "voice:\n  duration_median_s: 1800\n"
            + "  hourly_weekday: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]\n"
            + "  hourly_weekend: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]\n";

    @BeforeAll
    static void generate() throws Exception {
        twoDays = tmp.resolve("two-days");
        Cli.generate(twoDays, SUBSCRIBERS, 2);
        dayTwoAlone = tmp.resolve("day-two-alone");
        Cli.ok("--subscribers", Integer.toString(SUBSCRIBERS), "--days", "1", "--seed", Cli.SEED,
                "--start-date", DAY2.toString(), "--quiet",
                "--output-dir", dayTwoAlone.toString());
        for (Map.Entry<String, List<Path>> day : Drops.eventFilesByDay(twoDays).entrySet()) {
            for (Path part : day.getValue()) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    rows.add(new Row(LocalDate.parse(day.getKey()), csv, r));
                }
            }
        }
    }

    @Test
    void everyRowStartsOnItsPartitionsDayAndCallsRunOnPastMidnight() {
        Violations v = new Violations("start_time on the partition's local day");
        long crossingCalls = 0;
        long crossingSms = 0;
        for (Row r : rows) {
            long dayStart = r.partition().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long start = r.ms("start_time");
            v.check(start >= dayStart && start < dayStart + 86_400_000L, () -> "start outside its partition: " + r);
            if (r.partition().equals(DAY1) && !r.get("end_time").isEmpty() && r.ms("end_time") > MIDNIGHT) {
                if (r.is("event_type", "VOICE") && r.is("call_disposition", "ANSWERED")) {
                    crossingCalls++;
                    // Not released at midnight: its duration is the full answer-to-release time.
                    v.check(r.num("duration_s") == (r.ms("end_time") - r.ms("answer_time")) / 1000,
                            () -> "a call crossing midnight keeps its whole duration: " + r);
                } else if (r.is("event_type", "SMS")) {
                    crossingSms++;
                }
            }
        }
        v.assertNone();
        // How many default calls cross midnight is chance (a handful in 3,000 subscriber-days, or none):
        // onNetCallsCrossingMidnightHaveTheSameTimesOnBothLegs makes many cross and requires them.
        System.out.printf(Locale.ROOT, "calls crossing midnight: %d, SMS delivered after midnight: %d%n",
                crossingCalls, crossingSms);
    }

    @Test
    void onNetCallsCrossingMidnightHaveTheSameTimesOnBothLegs() throws Exception {
        Path lateCalls = Files.writeString(tmp.resolve("late-calls.yaml"), LATE_LONG_CALLS);
        Path drop = tmp.resolve("late-calls");
        Cli.generate(drop, 1000, 1, "--config", lateCalls.toString());
        List<Row> late = new ArrayList<>();
        for (Path part : Drops.eventFilesByDay(drop).get(DAY1.toString())) {
            Csv csv = Drops.readCsv(part);
            csv.records().forEach(r -> late.add(new Row(DAY1, csv, r)));
        }
        Map<String, List<Row>> legs = new TreeMap<>();
        for (Row r : late) {
            if (r.is("event_type", "VOICE") && r.is("other_party_on_net", "true")) {
                legs.computeIfAbsent(r.get("call_reference"), k -> new ArrayList<>()).add(r);
            }
        }
        Violations v = new Violations("MO and MT legs of a call crossing midnight");
        long crossing = 0;
        for (List<Row> call : legs.values()) {
            if (call.size() != 2 || call.get(0).get("end_time").isEmpty() || call.get(0).ms("end_time") <= MIDNIGHT
                    || !call.get(0).partition().equals(DAY1)) {
                continue;
            }
            crossing++;
            for (String c : List.of("start_time", "answer_time", "end_time", "duration_s")) {
                v.check(call.get(0).is(c, call.get(1).get(c)), () -> c + " differs: " + call);
            }
            Row mo = call.get(0);
            v.check(!mo.is("call_disposition", "ANSWERED")
                    || mo.num("duration_s") == (mo.ms("end_time") - mo.ms("answer_time")) / 1000,
                    () -> "a call crossing midnight keeps its whole duration: " + call);
            v.check(call.get(0).partition().equals(call.get(1).partition()), () -> "legs in two partitions: " + call);
        }
        v.assertNone();
        assertTrue(crossing > 0, "no on-net call crosses midnight: the check above tested nothing");
    }

    /** A record may end exactly at midnight with timeLimit only when its time limit ends there. */
    @Test
    void noDataRecordIsClosedAtMidnightBecauseOfMidnight() {
        Violations v = new Violations("DATA records closed at midnight");
        long timeLimitAtMidnight = 0;
        for (Row r : rows) {
            if (r.is("event_type", "DATA") && r.ms("end_time") == MIDNIGHT && r.num("cause_for_term") == 17) {
                timeLimitAtMidnight++;
                v.check(r.num("duration_s") == TIME_LIMIT_S, () -> "closed at midnight, not at its time limit: " + r);
            }
        }
        v.assertNone();
        System.out.printf(Locale.ROOT, "DATA records closed by timeLimit exactly at midnight: %d%n",
                timeLimitAtMidnight);
    }

    @Test
    void sessionsRunningPastMidnightContinueInTheNextDaysPartition() {
        Map<String, List<Row>> sessions = new TreeMap<>();
        for (Row r : rows) {
            if (r.is("event_type", "DATA")) {
                sessions.computeIfAbsent(r.get("served_imsi") + "/" + r.get("charging_id"), k -> new ArrayList<>()).add(r);
            }
        }
        Violations v = new Violations("partial records across midnight");
        long continued = 0;
        long fromBeforeTheRun = 0;
        for (List<Row> parts : sessions.values()) {
            parts.sort(Comparator.comparingLong(r -> r.num("record_sequence_number")));
            Row first = parts.get(0);
            if (first.num("record_sequence_number") > 1) {
                // Only a session of the day before the run can show up without its first record.
                fromBeforeTheRun++;
                v.check(first.partition().equals(DAY1), () -> "a session's first records are missing: " + parts);
            }
            for (int i = 1; i < parts.size(); i++) {
                Row previous = parts.get(i - 1);
                Row next = parts.get(i);
                v.check(next.num("record_sequence_number") == previous.num("record_sequence_number") + 1,
                        () -> "sequence numbers not consecutive: " + previous + " / " + next);
                v.check(next.ms("start_time") == previous.ms("end_time"),
                        () -> "gap or overlap between partial records: " + previous + " / " + next);
                v.check(Set.of(16L, 17L, 18L, 22L).contains(previous.num("cause_for_term")),
                        () -> "a record followed by another closes for volume, time, serving-node or RAT change: " + previous);
                for (String c : List.of("apn", "recording_entity", "served_imei")) {
                    v.check(next.is(c, previous.get(c)), () -> c + " changes within a session: " + previous + " / " + next);
                }
                if (!previous.partition().equals(next.partition())) {
                    continued++;
                    v.check(previous.partition().equals(DAY1) && next.partition().equals(DAY2)
                            && next.ms("start_time") >= MIDNIGHT && previous.ms("start_time") < MIDNIGHT,
                            () -> "a session continues into the day of the record's start: " + previous + " / " + next);
                }
            }
        }
        v.assertNone();
        assertTrue(continued > 0, "no data session continues from day 1 into day 2");
        assertTrue(fromBeforeTheRun > 0, "no session of the day before the run continues into its first day");
        System.out.printf(Locale.ROOT, "sessions continued into day 2: %d, from the day before day 1: %d%n",
                continued, fromBeforeTheRun);
    }

    @Test
    void dayTwoOfATwoDayRunIsByteIdenticalToDayTwoAlone() {
        List<Path> inRun = Drops.eventFilesByDay(twoDays).get(DAY2.toString());
        List<Path> alone = Drops.eventFilesByDay(dayTwoAlone).get(DAY2.toString());
        assertEquals(inRun.size(), alone.size(), "number of parts of day 2");
        for (int i = 0; i < inRun.size(); i++) {
            assertArrayEquals(Drops.read(inRun.get(i)), Drops.read(alone.get(i)),
                    "day 2 differs between a 2-day run and a 1-day run: " + inRun.get(i).getFileName());
        }
    }
}
