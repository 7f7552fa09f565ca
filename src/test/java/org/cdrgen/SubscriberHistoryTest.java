package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A living base (issue 12, items 2 and 3), end to end through the CLI: a lively profile (holders churn within
 * weeks, numbers rest 5 days and more, phones and SIMs change often) over 12 days. Every event row joins to
 * exactly one subscribers.csv version by number and day, with that version's IMSI and IMEI; a recycled number
 * goes to its next holder only after the quarantine; calls to a churned number fail as unallocated until then
 * and dwindle with the days since the churn; some of the old holder's contacts reach the new one.
 */
class SubscriberHistoryTest {
    private static final int SUBSCRIBERS = 1500;
    private static final int DAYS = 12;
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final int QUARANTINE_DAYS = 5;
    static final String LIVELY = "population:\n"
            + "  device_swap_daily_probability: 0.01\n"
            + "  lifecycle:\n"
            + "    postpaid_churn_per_year: 8\n"
            + "    prepaid_churn_per_year: 12\n"
            + "    sim_change_per_year: 4\n"
            + "    msisdn_quarantine_days: " + QUARANTINE_DAYS + "\n"
            + "    msisdn_reissue_mean_days: 1\n"
            + "    old_contact_fade_days: 3\n";

    @TempDir
    static Path tmp;
    private static Csv subscribers;
    private static final Map<String, List<CSVRecord>> versionsOfNumber = new HashMap<>();
    private static final List<Row> rows = new ArrayList<>();

    record Row(LocalDate day, CSVRecord record, Csv csv) {
        String get(String column) {
            return record.get(csv.column(column));
        }
    }

    @BeforeAll
    static void generate() throws Exception {
        Path profile = Files.writeString(tmp.resolve("lively.yaml"), LIVELY);
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", Integer.toString(SUBSCRIBERS), "--days", Integer.toString(DAYS), "--seed", Cli.SEED,
                "--start-date", START.toString(), "--config", profile.toString(), "--quiet", "--output-dir",
                drop.toString());
        subscribers = Drops.readCsv(drop.resolve("subscribers.csv"));
        for (CSVRecord s : subscribers.records()) {
            versionsOfNumber.computeIfAbsent(s.get(subscribers.column("served_msisdn")), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Path>> day : Drops.eventFilesByDay(drop).entrySet()) {
            for (Path part : day.getValue()) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    rows.add(new Row(LocalDate.parse(day.getKey()), r, csv));
                }
            }
        }
    }

    private static String s(CSVRecord version, String column) {
        return version.get(subscribers.column(column));
    }

    /** The versions of a number valid on a day: the SQL join of docs/schema.md. */
    private static List<CSVRecord> versionsOn(String msisdn, LocalDate day) {
        List<CSVRecord> valid = new ArrayList<>();
        for (CSVRecord v : versionsOfNumber.getOrDefault(msisdn, List.of())) {
            String to = s(v, "valid_to");
            if (!day.isBefore(LocalDate.parse(s(v, "valid_from"))) && (to.isEmpty() || day.isBefore(LocalDate.parse(to)))) {
                valid.add(v);
            }
        }
        return valid;
    }

    @Test
    void everyRowJoinsToTheOneVersionValidOnItsDay() {
        Violations v = new Violations("events joined to subscribers.csv");
        for (Row r : rows) {
            List<CSVRecord> valid = versionsOn(r.get("served_msisdn"), r.day());
            v.check(valid.size() == 1, () -> valid.size() + " versions valid on " + r.day() + " for " + r.record());
            if (valid.size() == 1) {
                CSVRecord version = valid.get(0);
                v.check(s(version, "served_imsi").equals(r.get("served_imsi")) && s(version, "served_imei").equals(r.get("served_imei")),
                        () -> "IMSI/IMEI of another version: " + r.record() + "\n    " + version);
            }
        }
        v.assertNone();
        assertTrue(rows.size() > 100_000, "rows: " + rows.size());
    }

    @Test
    void theHistoryLivesAndRecyclesNumbersAfterTheQuarantineOnly() {
        Map<String, Integer> reasons = new HashMap<>();
        int recycled = 0;
        Violations v = new Violations("subscribers.csv history");
        Map<String, CSVRecord> lastOfLine = new HashMap<>();
        for (CSVRecord s : subscribers.records()) {
            reasons.merge(s(s, "change_reason"), 1, Integer::sum);
            if (!s(s, "end_reason").isEmpty()) {
                reasons.merge("ended by " + s(s, "end_reason"), 1, Integer::sum);
            }
            CSVRecord before = lastOfLine.put(s(s, "subscriber_id"), s);
            if (before != null && !s(before, "holder").equals(s(s, "holder"))) {
                recycled++;
                v.check(Integer.parseInt(s(s, "holder")) == Integer.parseInt(s(before, "holder")) + 1
                        && s(before, "end_reason").equals("CHURN") && s(s, "change_reason").equals("ACTIVATION"),
                        () -> "a new holder follows a churn:\n    " + before + "\n    " + s);
                long rest = LocalDate.parse(s(s, "valid_from")).toEpochDay() - LocalDate.parse(s(before, "valid_to")).toEpochDay();
                v.check(rest >= QUARANTINE_DAYS, () -> "number recycled after " + rest + " days:\n    " + before + "\n    " + s);
                v.check(!s(s, "served_imsi").equals(s(before, "served_imsi")), () -> "a new holder with the old SIM: " + s);
            }
        }
        v.assertNone();
        assertTrue(recycled > 50, "numbers recycled within the run: " + recycled);
        for (String reason : List.of("ACTIVATION", "PHONE_CHANGE", "SIM_CHANGE", "ended by CHURN", "ended by PHONE_CHANGE",
                "ended by SIM_CHANGE")) {
            assertTrue(reasons.getOrDefault(reason, 0) > 20, reason + ": " + reasons);
        }
    }

    /**
     * An old holder's contacts keep calling for a while: during the cool-down their calls and SMS fail as to
     * an unallocated number, fewer and fewer with the days since the churn; after it some reach the new holder.
     */
    @Test
    void callsToAChurnedNumberDwindleAndSomeReachTheNextHolder() {
        Map<String, LocalDate> churnOfNumber = new HashMap<>();
        Map<String, LocalDate> nextHolderFrom = new HashMap<>();
        for (List<CSVRecord> versions : versionsOfNumber.values()) {
            for (int i = 0; i < versions.size(); i++) {
                CSVRecord s = versions.get(i);
                if (s(s, "end_reason").equals("CHURN") && i + 1 < versions.size()) {
                    churnOfNumber.put(s(s, "served_msisdn"), LocalDate.parse(s(s, "valid_to")));
                    nextHolderFrom.put(s(s, "served_msisdn"), LocalDate.parse(s(versions.get(i + 1), "valid_from")));
                }
            }
        }
        // Who called each number while its old holder had it: (caller number, callee number).
        Set<String> oldTies = new HashSet<>();
        int[] unallocatedByDaysSinceChurn = new int[DAYS];
        int reachedNewHolder = 0;
        Violations v = new Violations("calls to churned numbers");
        for (Row r : rows) {
            String callee = r.get("other_party_msisdn");
            LocalDate churn = churnOfNumber.get(callee);
            if (churn == null || !r.get("direction").equals("MO") || r.get("event_type").equals("DATA")) {
                continue;
            }
            boolean failedUnallocated = r.get("release_cause").equals("1")
                    || r.get("event_type").equals("SMS") && r.get("sms_status").equals("FAILED");
            if (r.day().isBefore(churn)) {
                oldTies.add(r.get("served_msisdn") + ">" + callee);
            } else if (r.day().isBefore(nextHolderFrom.get(callee))) {
                v.check(failedUnallocated, () -> "a call to a number in its cool-down that did not fail: " + r.record());
                unallocatedByDaysSinceChurn[(int) (r.day().toEpochDay() - churn.toEpochDay())]++;
            } else if (oldTies.contains(r.get("served_msisdn") + ">" + callee)) {
                reachedNewHolder++;
            }
        }
        v.assertNone();
        // Per number-day in a cool-down: every churned number is vacant for the first QUARANTINE_DAYS days.
        int[] exposure = new int[DAYS];
        LocalDate end = START.plusDays(DAYS);
        churnOfNumber.forEach((number, churn) -> {
            for (int k = 0; k < QUARANTINE_DAYS && churn.plusDays(k).isBefore(end); k++) {
                exposure[k]++;
            }
        });
        int[] calls = unallocatedByDaysSinceChurn;
        double early = (calls[0] + calls[1]) / (double) (exposure[0] + exposure[1]);
        double late = (calls[3] + calls[4]) / (double) (exposure[3] + exposure[4]);
        String shape = "calls in the cool-down by days since the churn " + java.util.Arrays.toString(calls)
                + ", numbers " + java.util.Arrays.toString(exposure);
        // exp(-days / 3): about 0.37 from days 0-1 to days 3-4.
        assertTrue(calls[0] + calls[1] > 30 && late < 0.7 * early && late > 0, shape);
        assertTrue(reachedNewHolder > 0, "no old contact reached a recycled number's new holder");
        assertEquals(0, rows.stream().filter(r -> versionsOn(r.get("served_msisdn"), r.day()).isEmpty()).count(),
                "rows of a line without a holder");
    }
}
