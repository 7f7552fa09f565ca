package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.config.Profile;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.model.Luhn;
import org.cdrgen.output.EventSchema;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run through the CLI with the built-in profile, checked file by file and row by row against the schema
 * (docs/schema.md). Every rule collects all the rows that break it and reports a few.
 */
class SchemaTest {
    static final int SUBSCRIBERS = 2000;
    static final int DAYS = 2;
    static final LocalDate START = LocalDate.of(2026, 3, 2);

    /** The column lists of docs/schema.md, copied by hand: the code must not define the schema for itself. */
    static final List<String> DOC_EVENT_COLUMNS = List.of(
            "record_id", "event_type", "direction", "call_reference", "start_time", "answer_time", "end_time",
            "duration_s", "served_imsi", "served_msisdn", "served_imei", "other_party_msisdn", "other_party_on_net",
            "mcc", "mnc", "tac", "cell_id", "rat_type", "cause_for_term", "call_disposition", "release_cause",
            "sms_status", "sms_segments", "apn", "bytes_uplink", "bytes_downlink", "charging_id",
            "record_sequence_number", "roaming", "visited_plmn", "recording_entity");
    static final List<String> DOC_SUBSCRIBER_COLUMNS = List.of(
            "subscriber_id", "holder", "valid_from", "valid_to", "change_reason", "end_reason", "served_imsi",
            "served_msisdn", "served_imei", "plan", "activation_date", "home_cell_id", "work_cell_id", "device_rat", "home_rat_type", "home_tac", "work_rat_type", "work_tac");
    static final List<String> DOC_CELL_COLUMNS = List.of(
            "cell_id", "mcc", "mnc", "tac", "rat_type", "latitude", "longitude", "azimuth_deg");

    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    static final Pattern DIGITS = Pattern.compile("\\d+");
    static final Set<String> RATS = Set.of("GERAN", "UTRAN", "EUTRAN", "NR");
    static final Set<String> BOOLEANS = Set.of("true", "false");
    /**
     * Q.850 causes of a FAILED call; 1 (unallocated number) only for an on-net number without a holder that day,
     * 20 (subscriber absent) only for an on-net callee away with the phone off.
     */
    static final Set<Integer> FAILED_CAUSES = Set.of(1, 20, 21, 31, 34, 41, 42);
    /** Every column that is filled on every row, whatever the event type. */
    static final List<String> ALWAYS = List.of("record_id", "event_type", "direction", "start_time", "duration_s",
            "served_imsi", "served_msisdn", "served_imei", "mcc", "mnc", "rat_type", "cause_for_term", "roaming",
            "recording_entity");
    static final List<String> VOICE_ONLY = List.of("call_disposition", "release_cause");
    static final List<String> SMS_ONLY = List.of("sms_status", "sms_segments");
    static final List<String> DATA_ONLY = List.of("apn", "bytes_uplink", "bytes_downlink", "charging_id",
            "record_sequence_number");
    static final List<String> CALL_AND_SMS = List.of("call_reference", "other_party_msisdn", "other_party_on_net");

    @TempDir
    static Path tmp;
    static Path out;
    static Profile profile;
    static String homeMcc;
    static String homeMnc;
    static String countryCode;
    static TreeMap<String, byte[]> tree;
    static Csv cells;
    static Csv subscribers;
    static List<Ev> events = new ArrayList<>();
    static Map<String, Integer> col = new HashMap<>();

    /** One event row and where it came from. */
    static final class Ev {
        final String file;
        final String day;
        final long line;
        final CSVRecord record;
        /** Parsed start/answer/end times, filled on first use. */
        private long[] times;

        Ev(String file, String day, long line, CSVRecord record) {
            this.file = file;
            this.day = day;
            this.line = line;
            this.record = record;
        }

        String day() {
            return day;
        }

        String get(String column) {
            return record.get(col.get(column));
        }

        boolean empty(String column) {
            return get(column).isEmpty();
        }

        long num(String column) {
            return Long.parseLong(get(column));
        }

        /** Epoch ms of start_time, answer_time or end_time (the caller checked the format). */
        long ms(String column) {
            if (times == null) {
                times = new long[3];
                Arrays.fill(times, Long.MIN_VALUE);
            }
            int i = column.equals("start_time") ? 0 : column.equals("answer_time") ? 1 : 2;
            if (times[i] == Long.MIN_VALUE) {
                times[i] = Instant.parse(get(column)).toEpochMilli();
            }
            return times[i];
        }

        boolean is(String column, String value) {
            return get(column).equals(value);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + String.join(",", record.toList());
        }
    }

    @BeforeAll
    static void generate() {
        profile = new ProfileLoader().loadBuiltIn().profile();
        homeMcc = profile.network().mcc();
        homeMnc = profile.network().mnc();
        countryCode = profile.network().countryCode();
        assertEquals("UTC", profile.network().timeZone(), "these checks assume the default profile's UTC days");
        assertEquals(List.of("234", "15", "44"), List.of(homeMcc, homeMnc, countryCode), "the default profile's PLMN");
        out = tmp.resolve("drop");
        Cli.ok("--subscribers", Integer.toString(SUBSCRIBERS), "--days", Integer.toString(DAYS),
                "--start-date", START.toString(), "--seed", "20260302", "--threads", "2",
                "--output-dir", out.toString());
        tree = Drops.contents(out);
        for (int i = 0; i < EventSchema.COLUMNS.size(); i++) {
            col.put(EventSchema.COLUMNS.get(i), i);
        }
        cells = Drops.readCsv(out.resolve("cells.csv"));
        subscribers = Drops.readCsv(out.resolve("subscribers.csv"));
        Drops.eventFilesByDay(out).forEach((day, parts) -> {
            for (Path part : parts) {
                Csv csv = Drops.readCsv(part);
                for (CSVRecord r : csv.records()) {
                    events.add(new Ev(Drops.relative(out, part), day, r.getRecordNumber(), r));
                }
            }
        });
    }

    // ---- layout and headers ----

    @Test
    void schemaColumnListsMatchTheDocument() {
        assertEquals(DOC_EVENT_COLUMNS, EventSchema.COLUMNS);
        assertEquals(DOC_SUBSCRIBER_COLUMNS, EventSchema.SUBSCRIBER_COLUMNS);
        assertEquals(DOC_CELL_COLUMNS, EventSchema.CELL_COLUMNS);
    }

    @Test
    void layoutIsTheDocumentedOne() {
        List<String> expected = new ArrayList<>(List.of("_SUCCESS", "cells.csv", "manifest.json", "subscribers.csv"));
        for (int d = 0; d < DAYS; d++) {
            expected.add("events/date=" + START.plusDays(d) + "/part-00000.csv");
        }
        expected.sort(null);
        assertEquals(expected, new ArrayList<>(tree.keySet()), "files of the drop (no temporary files may remain)");
    }

    @Test
    void everyCsvFileHasTheSchemaHeaderAndRfc4180Rows() {
        Violations v = new Violations("CSV files");
        for (Map.Entry<String, byte[]> file : tree.entrySet()) {
            String name = file.getKey();
            if (!name.endsWith(".csv")) {
                continue;
            }
            List<String> columns = name.equals("cells.csv") ? DOC_CELL_COLUMNS
                    : name.equals("subscribers.csv") ? DOC_SUBSCRIBER_COLUMNS : DOC_EVENT_COLUMNS;
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            v.check(text.startsWith(String.join(",", columns) + "\n"), () -> name + ": header line is not "
                    + String.join(",", columns));
            v.check(text.endsWith("\n"), () -> name + ": last line does not end with \\n");
            v.check(text.indexOf('\r') < 0, () -> name + ": has \\r (the schema's line end is \\n)");
            // No value of the default profile contains a comma, quote or line break, so nothing is quoted.
            v.check(text.indexOf('"') < 0, () -> name + ": has a quote although no field needs quoting");
            Csv csv = Drops.parseCsv(name, text);
            v.check(csv.header().equals(columns), () -> name + ": parsed header " + csv.header());
            v.check(!csv.records().isEmpty(), () -> name + ": no data rows");
            for (CSVRecord r : csv.records()) {
                v.check(r.size() == columns.size(), () -> name + ":" + r.getRecordNumber() + ": " + r.size()
                        + " fields, expected " + columns.size());
            }
        }
        v.assertNone();
    }

    @Test
    void manifestListsEveryFileWithItsRowsBytesAndChecksum() {
        JsonNode manifest = Drops.assertManifestMatches(out);
        assertEquals(20260302L, manifest.get("seed").asLong());
        assertEquals(START.toString(), manifest.get("start_date").asText());
        assertEquals(DAYS, manifest.get("days").asInt());
        assertEquals(SUBSCRIBERS, manifest.get("subscribers").asInt());
        assertEquals(org.cdrgen.schema.Schema.SCHEMA_VERSION, manifest.get("schema_version").asInt());
        assertEquals(events.size(), manifest.get("event_rows").asLong());
        assertEquals(0, tree.get("_SUCCESS").length, "_SUCCESS is an empty marker");
    }

    // ---- event rows ----

    @Test
    void recordIdsAreUniqueLongs() {
        Violations v = new Violations("record_id unique long");
        Set<Long> seen = new HashSet<>();
        for (Ev e : events) {
            Long id = parseLong(e.get("record_id"));
            v.check(id != null, () -> "not a long: " + e);
            if (id != null) {
                v.check(seen.add(id), () -> "duplicate record_id: " + e);
            }
        }
        v.assertNone();
        assertTrue(events.size() > 20_000, "suspiciously few rows: " + events.size());
    }

    @Test
    void enumColumnsHoldDocumentedValues() {
        Violations v = new Violations("enum columns");
        for (Ev e : events) {
            v.check(Set.of("VOICE", "SMS", "DATA").contains(e.get("event_type")), () -> "event_type: " + e);
            v.check(Set.of("MO", "MT").contains(e.get("direction")), () -> "direction: " + e);
            v.check(!e.is("event_type", "DATA") || e.is("direction", "MO"), () -> "DATA rows are MO: " + e);
            v.check(RATS.contains(e.get("rat_type")), () -> "rat_type: " + e);
            v.check(BOOLEANS.contains(e.get("roaming")), () -> "roaming: " + e);
            if (!e.is("event_type", "DATA")) {
                v.check(BOOLEANS.contains(e.get("other_party_on_net")), () -> "other_party_on_net: " + e);
            }
            if (e.is("event_type", "VOICE")) {
                v.check(Set.of("ANSWERED", "BUSY", "NO_ANSWER", "FAILED").contains(e.get("call_disposition")),
                        () -> "call_disposition: " + e);
            }
            if (e.is("event_type", "SMS")) {
                v.check(Set.of("DELIVERED", "FAILED", "EXPIRED").contains(e.get("sms_status")),
                        () -> "sms_status: " + e);
            }
        }
        v.assertNone();
        Map<String, Long> types = Drops.histogram(events.stream().map(e -> e.get("event_type")).toList());
        assertEquals(Set.of("VOICE", "SMS", "DATA"), types.keySet(), "every event type occurs: " + types);
    }

    @Test
    void identitiesHaveTheirFormats() {
        // A model owns the TACs tac .. tac + tac_count - 1.
        Set<String> tacs = profile.population().devices().stream()
                .flatMap(d -> java.util.stream.LongStream.rangeClosed(d.firstTac(), d.lastTac())
                        .mapToObj(t -> String.format(java.util.Locale.ROOT, "%08d", t)))
                .collect(Collectors.toSet());
        Violations v = new Violations("IMSI / MSISDN / IMEI formats");
        for (Ev e : events) {
            String imsi = e.get("served_imsi");
            v.check(imsi.matches("\\d{15}") && imsi.startsWith(homeMcc + homeMnc), () -> "served_imsi: " + e);
            String msisdn = e.get("served_msisdn");
            v.check(msisdn.matches("\\d{1,15}") && msisdn.startsWith(countryCode), () -> "served_msisdn: " + e);
            v.check(msisdn.length() == countryCode.length() + profile.network().nationalNumberLength()
                    && profile.network().nationalNumberPrefixes().stream()
                            .anyMatch(p -> msisdn.startsWith(countryCode + p)),
                    () -> "served_msisdn is not a number of this operator's mobile ranges: " + e);
            String imei = e.get("served_imei");
            v.check(imei.matches("\\d{15}"), () -> "served_imei not 15 digits: " + e);
            if (imei.matches("\\d{15}")) {
                v.check(Luhn.isValid(imei), () -> "served_imei fails Luhn (model.Luhn): " + e);
                v.check(IndependentLuhn.isValid(imei), () -> "served_imei fails Luhn (test's own): " + e);
                v.check(tacs.contains(imei.substring(0, 8)), () -> "served_imei TAC not in the profile: " + e);
            }
            if (!e.is("event_type", "DATA")) {
                String other = e.get("other_party_msisdn");
                // Any E.164 number (fixed lines, abroad) or a short code: NumberingTest checks each shape.
                v.check(other.matches("[1-9]\\d{2,14}"), () -> "other_party_msisdn: " + e);
            }
        }
        v.assertNone();
    }

    @Test
    void timestampsAreIsoUtcWithMillisecondsStartingInTheirDay() {
        long runStart = START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long runEnd = START.plusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Violations v = new Violations("timestamps");
        for (Ev e : events) {
            long dayStart = LocalDate.parse(e.day()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long dayEnd = dayStart + 86_400_000L;
            for (String c : List.of("start_time", "answer_time", "end_time")) {
                String t = e.get(c);
                if (t.isEmpty()) {
                    continue;
                }
                if (!TIMESTAMP.matcher(t).matches()) {
                    v.fail(c + " not yyyy-MM-ddTHH:mm:ss.SSSZ: " + e);
                    continue;
                }
                long ms;
                try {
                    ms = e.ms(c);
                } catch (RuntimeException ex) {
                    v.fail(c + " does not parse: " + e);
                    continue;
                }
                // A row is in the partition of the day it starts (docs/schema.md); a call, SMS or partial
                // record that crosses midnight ends on the next day, so only start_time is bound to the day.
                if (c.equals("start_time")) {
                    v.check(ms >= runStart && ms < runEnd, () -> c + " outside the requested days: " + e);
                    v.check(ms >= dayStart && ms < dayEnd, () -> c + " outside its file's day " + e.day() + ": " + e);
                } else {
                    v.check(ms >= e.ms("start_time"), () -> c + " before start_time: " + e);
                }
            }
        }
        v.assertNone();
    }

    /**
     * Empty exactly where a column does not apply. tac/cell_id are empty on roaming rows (README: "their tac
     * and cell_id are empty, because the visited network's cells are not in cells.csv"); see also
     * {@link #mtLegOfAnOnNetCallHasTheCalleesOwnServingNetwork()}.
     */
    @Test
    void notApplicableFieldsAreEmptyExactlyWhereTheSchemaSays() {
        Violations v = new Violations("empty vs filled fields");
        for (Ev e : events) {
            String type = e.get("event_type");
            for (String c : ALWAYS) {
                v.check(!e.empty(c), () -> c + " empty: " + e);
            }
            for (String c : VOICE_ONLY) {
                v.check(e.empty(c) != type.equals("VOICE"), () -> c + " is VOICE only: " + e);
            }
            for (String c : SMS_ONLY) {
                v.check(e.empty(c) != type.equals("SMS"), () -> c + " is SMS only: " + e);
            }
            for (String c : DATA_ONLY) {
                v.check(e.empty(c) != type.equals("DATA"), () -> c + " is DATA only: " + e);
            }
            for (String c : CALL_AND_SMS) {
                v.check(e.empty(c) == type.equals("DATA"), () -> c + " is empty exactly on DATA rows: " + e);
            }
            boolean answered = type.equals("VOICE") && e.is("call_disposition", "ANSWERED");
            v.check(e.empty("answer_time") != answered, () -> "answer_time only on ANSWERED VOICE rows: " + e);
            boolean hasEnd = !type.equals("SMS") || e.is("sms_status", "DELIVERED");
            v.check(e.empty("end_time") != hasEnd, () -> "end_time (SMS: iff DELIVERED): " + e);
            boolean roaming = e.is("roaming", "true");
            v.check(e.empty("visited_plmn") != roaming, () -> "visited_plmn iff roaming: " + e);
            // The visited network's cells are not in cells.csv: tac and cell_id are unknown when roaming.
            v.check(e.empty("tac") == roaming, () -> "tac empty iff roaming: " + e);
            v.check(e.empty("cell_id") == roaming, () -> "cell_id empty iff roaming: " + e);
        }
        v.assertNone();
    }

    @Test
    void voiceTimesDurationsAndCausesAreConsistent() {
        Violations v = new Violations("VOICE rows");
        Map<String, Long> dispositions = new TreeMap<>();
        for (Ev e : events) {
            if (!e.is("event_type", "VOICE") || !wellFormedTimes(e)) {
                continue;
            }
            String disposition = e.get("call_disposition");
            dispositions.merge(disposition, 1L, Long::sum);
            long start = e.ms("start_time");
            long end = e.ms("end_time");
            long duration = e.num("duration_s");
            int release = (int) e.num("release_cause");
            int cft = (int) e.num("cause_for_term");
            v.check(end >= start, () -> "end before start: " + e);
            v.check(duration >= 0, () -> "negative duration: " + e);
            switch (disposition) {
                case "ANSWERED" -> {
                    long answer = e.ms("answer_time");
                    v.check(answer >= start && end >= answer, () -> "start <= answer <= end: " + e);
                    v.check(duration == (end - answer) / 1000, () -> "duration_s != (end - answer)/1000: " + e);
                    v.check(release == 16 || release == 41, () -> "ANSWERED release_cause 16 or 41: " + e);
                    v.check(cft == (release == 16 ? 0 : 4),
                            () -> "ANSWERED: cause_for_term 0 with Q.850 16, 4 (abnormal) with 41: " + e);
                }
                case "BUSY" -> {
                    v.check(release == 17, () -> "BUSY release_cause 17: " + e);
                    v.check(cft == 3, () -> "BUSY cause_for_term 3: " + e);
                    v.check(duration == 0, () -> "unanswered duration 0: " + e);
                }
                case "NO_ANSWER" -> {
                    v.check(release == 18 || release == 19, () -> "NO_ANSWER release_cause 18/19: " + e);
                    v.check(cft == 3, () -> "NO_ANSWER cause_for_term 3: " + e);
                    v.check(duration == 0, () -> "unanswered duration 0: " + e);
                }
                case "FAILED" -> {
                    v.check(FAILED_CAUSES.contains(release), () -> "FAILED release_cause: " + e);
                    v.check(cft == 3, () -> "FAILED cause_for_term 3: " + e);
                    v.check(duration == 0, () -> "unanswered duration 0: " + e);
                }
                default -> v.fail("call_disposition: " + e);
            }
        }
        v.assertNone();
        assertEquals(Set.of("ANSWERED", "BUSY", "NO_ANSWER", "FAILED"), dispositions.keySet(),
                "every disposition occurs: " + dispositions);
    }

    @Test
    void smsRowsAreConsistent() {
        Violations v = new Violations("SMS rows");
        for (Ev e : events) {
            if (!e.is("event_type", "SMS") || !wellFormedTimes(e)) {
                continue;
            }
            Long segments = parseLong(e.get("sms_segments"));
            v.check(segments != null && segments >= 1 && segments <= profile.sms().segments().length,
                    () -> "sms_segments 1..4: " + e);
            v.check(e.is("duration_s", "0"), () -> "SMS duration_s 0: " + e);
            boolean delivered = e.is("sms_status", "DELIVERED");
            if (delivered) {
                v.check(e.ms("end_time") >= e.ms("start_time"), () -> "delivery before submission: " + e);
            }
            v.check(e.is("cause_for_term", delivered ? "0" : "3"),
                    () -> "SMS cause_for_term 0 if DELIVERED, else 3 (unsuccessful): " + e);
        }
        v.assertNone();
    }

    @Test
    void dataRowsAndPartialRecordsAreConsistent() {
        Set<String> apns = profile.data().apns().stream().map(a -> a.name()).collect(Collectors.toSet());
        Violations v = new Violations("DATA rows");
        Map<String, List<Ev>> sessions = new HashMap<>();
        for (Ev e : events) {
            if (!e.is("event_type", "DATA") || !wellFormedTimes(e)) {
                continue;
            }
            v.check(apns.contains(e.get("apn")), () -> "apn: " + e);
            Long up = parseLong(e.get("bytes_uplink"));
            Long down = parseLong(e.get("bytes_downlink"));
            Long charging = parseLong(e.get("charging_id"));
            Long seq = parseLong(e.get("record_sequence_number"));
            v.check(up != null && up >= 0, () -> "bytes_uplink >= 0: " + e);
            v.check(down != null && down >= 0, () -> "bytes_downlink >= 0: " + e);
            v.check(charging != null && charging >= 0 && charging <= 0xFFFF_FFFFL, () -> "charging_id uint32: " + e);
            v.check(seq != null && seq >= 1, () -> "record_sequence_number >= 1: " + e);
            long start = e.ms("start_time");
            long end = e.ms("end_time");
            v.check(end >= start, () -> "end before start: " + e);
            v.check(e.num("duration_s") >= 0 && e.num("duration_s") == (end - start) / 1000,
                    () -> "DATA duration_s == (end - start)/1000: " + e);
            v.check(Set.of(0L, 16L, 17L, 18L, 22L).contains(e.num("cause_for_term")),
                    () -> "DATA causeForRecClosing: " + e);
            v.check(e.get("recording_entity").matches("PGW\\d+"), () -> "DATA recording_entity is a PGW: " + e);
            // charging_id identifies a session within its gateway; group per subscriber to rule out strangers.
            sessions.computeIfAbsent(e.get("served_imsi") + "/" + e.get("charging_id"), k -> new ArrayList<>()).add(e);
        }
        long multiPart = 0;
        for (List<Ev> parts : sessions.values()) {
            parts.sort(Comparator.comparingLong(e -> e.num("record_sequence_number")));
            // A session of the day before the run that runs past midnight continues in the first day with
            // its later records only (they start on that day); every other session starts at 1.
            long firstNumber = parts.get(0).num("record_sequence_number");
            Ev firstPart = parts.get(0);
            v.check(firstNumber == 1 || (firstPart.day().equals(START.toString())
                    && firstPart.ms("start_time") < START.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                            + 23 * 3_600_000L), // a session lasts at most 23 hours (docs/schema.md)
                    () -> "only a session of the day before the run may lack its first records: " + firstPart);
            for (int i = 0; i < parts.size(); i++) {
                Ev e = parts.get(i);
                long expected = firstNumber + i;
                v.check(e.num("record_sequence_number") == expected,
                        () -> "record_sequence_number of a session must be consecutive (1..n), expected " + expected + ": " + e);
                if (i > 0) {
                    Ev previous = parts.get(i - 1);
                    v.check(e.ms("start_time") == previous.ms("end_time"),
                            () -> "partial record does not start where the previous one ended:\n    " + previous
                                    + "\n    " + e);
                    v.check(Set.of(16L, 17L, 18L, 22L).contains(previous.num("cause_for_term")),
                            () -> "a record followed by another partial record closes for volume (16), time (17), serving-node (18) or RAT (22) change: "
                                    + previous);
                    v.check(e.is("apn", previous.get("apn")) && e.is("recording_entity", previous.get("recording_entity")),
                            () -> "partial records of one session share apn and gateway: " + e);
                }
            }
            if (parts.size() > 1) {
                multiPart++;
            }
        }
        v.assertNone();
        assertTrue(multiPart > 0, "no session was split into partial records: the check above tested nothing");
    }

    @Test
    void servingNetworkFieldsMatchCellsCsvOrTheVisitedPlmn() {
        Set<String> cellKeys = new HashSet<>();
        for (CSVRecord c : cells.records()) {
            cellKeys.add(c.get(4) + "/" + c.get(3) + "/" + c.get(0));
        }
        Set<String> visited = profile.mobility().visitedPlmns().stream().map(p -> p.plmn()).collect(Collectors.toSet());
        Violations v = new Violations("serving network");
        long roamingRows = 0;
        for (Ev e : events) {
            boolean voiceOrSms = !e.is("event_type", "DATA");
            if (e.is("roaming", "false")) {
                v.check(e.is("mcc", homeMcc) && e.is("mnc", homeMnc), () -> "home row not on 234-15: " + e);
                v.check(cellKeys.contains(e.get("rat_type") + "/" + e.get("tac") + "/" + e.get("cell_id")),
                        () -> "(rat_type, tac, cell_id) not in cells.csv: " + e);
                if (voiceOrSms) {
                    v.check(e.get("recording_entity").matches("MSC\\d{3}"), () -> "home VOICE/SMS: an MSC: " + e);
                }
            } else {
                roamingRows++;
                String plmn = e.get("visited_plmn");
                v.check(plmn.matches("\\d{3}-\\d{2,3}") && visited.contains(plmn),
                        () -> "visited_plmn is one of the profile's MCC-MNC: " + e);
                v.check(plmn.equals(e.get("mcc") + "-" + e.get("mnc")), () -> "mcc-mnc of a roaming row: " + e);
                v.check(!e.is("mcc", homeMcc), () -> "roaming in the home country: " + e);
            }
        }
        v.assertNone();
        assertTrue(roamingRows > 0, "no roaming rows: the roaming checks tested nothing");
    }

    @Test
    void onNetCallsAndSmsHaveExactlyOneMatchingMtRow() {
        Set<String> ourNumbers = new HashSet<>();
        for (CSVRecord s : subscribers.records()) {
            ourNumbers.add(s.get(S_MSISDN));
        }
        Map<String, List<Ev>> byReference = new HashMap<>();
        for (Ev e : events) {
            if (!e.is("event_type", "DATA")) {
                byReference.computeIfAbsent(e.get("call_reference"), k -> new ArrayList<>()).add(e);
            }
        }
        List<String> shared = List.of("event_type", "start_time", "answer_time", "end_time", "duration_s",
                "call_disposition", "release_cause", "cause_for_term", "sms_status", "sms_segments");
        Violations v = new Violations("on-net MO/MT pairs");
        long pairs = 0;
        long unallocated = 0;
        long absent = 0;
        for (Map.Entry<String, List<Ev>> ref : byReference.entrySet()) {
            List<Ev> rows = ref.getValue();
            Ev first = rows.get(0);
            v.check(parseLong(ref.getKey()) != null, () -> "call_reference is not a long: " + first);
            boolean onNet = first.is("other_party_on_net", "true");
            if (!onNet) {
                v.check(rows.size() == 1, () -> "an off-net call/SMS appears once, found " + rows.size() + ": " + rows);
                v.check(!ourNumbers.contains(first.get("other_party_msisdn")),
                        () -> "off-net other party is one of our subscribers: " + first);
                continue;
            }
            List<Ev> mo = rows.stream().filter(e -> e.is("direction", "MO")).toList();
            List<Ev> mt = rows.stream().filter(e -> e.is("direction", "MT")).toList();
            if (rows.size() == 1 && mo.size() == 1 && versionOn(first.get("other_party_msisdn"), first.day()) == null) {
                // A number of ours without a holder that day: the network finds it unallocated.
                unallocated++;
                v.check(first.is("event_type", "SMS") ? first.is("sms_status", "FAILED")
                        : first.is("call_disposition", "FAILED") && first.is("release_cause", "1"),
                        () -> "a call or SMS to a line without a holder fails as unallocated (cause 1): " + first);
                continue;
            }
            if (rows.size() == 1 && mo.size() == 1) {
                // A subscriber of ours with the phone off: the call finds them absent, the SMS expires.
                absent++;
                v.check(first.is("event_type", "SMS") ? first.is("sms_status", "EXPIRED")
                        : first.is("call_disposition", "FAILED") && first.is("release_cause", "20"),
                        () -> "an on-net call or SMS without its MT row is unallocated or to a phone that is off: " + first);
                continue;
            }
            if (mo.size() != 1 || mt.size() != 1 || rows.size() != 2) {
                v.fail("on-net call_reference " + ref.getKey() + " must have one MO and one MT row: " + rows);
                continue;
            }
            pairs++;
            Ev a = mo.get(0);
            Ev b = mt.get(0);
            for (String c : shared) {
                v.check(a.get(c).equals(b.get(c)), () -> c + " differs between MO and MT:\n    " + a + "\n    " + b);
            }
            v.check(b.is("other_party_on_net", "true"), () -> "MT leg of an on-net call is on-net: " + b);
            v.check(b.get("served_msisdn").equals(a.get("other_party_msisdn")),
                    () -> "MT served_msisdn != MO other_party_msisdn:\n    " + a + "\n    " + b);
            v.check(b.get("other_party_msisdn").equals(a.get("served_msisdn")),
                    () -> "MT other_party_msisdn != MO served_msisdn:\n    " + a + "\n    " + b);
            v.check(ourNumbers.contains(a.get("other_party_msisdn")),
                    () -> "on-net other party is not one of our subscribers: " + a);
            v.check(!a.get("served_imsi").equals(b.get("served_imsi")), () -> "a call to oneself: " + a);
        }
        v.assertNone();
        assertTrue(pairs > 100, "too few on-net pairs to test anything: " + pairs);
        assertTrue(unallocated < pairs / 10, "calls to lines without a holder: " + unallocated + " of " + pairs);
        assertTrue(absent > 0 && absent < pairs / 10, "calls to phones that are off: " + absent + " of " + pairs);
    }

    /**
     * The MT row of an on-net call describes the callee where the callee is: when exactly one of the two
     * parties is abroad, the MT row must not inherit the caller's serving network. Regression test: MtLeg copies
     * the MO row and Placement.place() must overwrite every serving-network field; before db5ca16 a roaming
     * callee's MT row kept the caller's tac/cell_id, and a home callee of a roaming caller got roaming=false
     * with the caller's visited_plmn.
     */
    @Test
    void mtLegOfAnOnNetCallHasTheCalleesOwnServingNetwork() {
        Map<String, Ev> mo = new HashMap<>();
        for (Ev e : events) {
            if (!e.is("event_type", "DATA") && e.is("direction", "MO") && e.is("other_party_on_net", "true")) {
                mo.put(e.get("call_reference"), e);
            }
        }
        Violations v = new Violations("MT legs where one party roams");
        long checked = 0;
        for (Ev b : events) {
            Ev a = b.is("direction", "MT") ? mo.get(b.get("call_reference")) : null;
            if (a == null || a.get("roaming").equals(b.get("roaming"))) {
                continue;
            }
            checked++;
            if (b.is("roaming", "true")) {
                v.check(b.empty("tac") && b.empty("cell_id"),
                        () -> "roaming callee's MT row carries tac/cell_id (the caller's cell?):\n    MO " + a
                                + "\n    MT " + b);
            } else {
                v.check(b.empty("visited_plmn"),
                        () -> "home callee's MT row carries the roaming caller's visited_plmn:\n    MO " + a
                                + "\n    MT " + b);
                v.check(!b.empty("tac") && !b.empty("cell_id"), () -> "home callee's MT row lacks its cell: " + b);
            }
        }
        v.assertNone();
        assertTrue(checked > 0, "no on-net call between a roaming and a home party: nothing was checked");
    }

    /** Column indexes of subscribers.csv. */
    static final int S_ID = 0, S_HOLDER = 1, S_FROM = 2, S_TO = 3, S_BEGAN = 4, S_ENDED = 5, S_IMSI = 6, S_MSISDN = 7,
            S_IMEI = 8, S_PLAN = 9, S_ACTIVATION = 10, S_HOME_CELL = 11, S_WORK_CELL = 12, S_DEVICE_RAT = 13,
            S_HOME_RAT = 14, S_HOME_TAC = 15, S_WORK_RAT = 16, S_WORK_TAC = 17;

    /** The subscribers.csv version of a number valid on a day (a partition date), or null. */
    static CSVRecord versionOn(String msisdn, String day) {
        for (CSVRecord s : versionsByMsisdn().getOrDefault(msisdn, List.of())) {
            if (s.get(S_FROM).compareTo(day) <= 0 && (s.get(S_TO).isEmpty() || day.compareTo(s.get(S_TO)) < 0)) {
                return s;
            }
        }
        return null;
    }

    private static Map<String, List<CSVRecord>> byMsisdn;

    private static synchronized Map<String, List<CSVRecord>> versionsByMsisdn() {
        if (byMsisdn == null) {
            byMsisdn = new HashMap<>();
            for (CSVRecord s : subscribers.records()) {
                byMsisdn.computeIfAbsent(s.get(S_MSISDN), k -> new ArrayList<>()).add(s);
            }
        }
        return byMsisdn;
    }

    @Test
    void subscribersCsvIsAValidHistory() {
        // A cell's key is (rat_type, tac, cell_id): GERAN/UTRAN CIs repeat in each LAC.
        Set<String> cellKeys = new HashSet<>();
        for (CSVRecord c : cells.records()) {
            cellKeys.add(c.get(4) + "/" + c.get(3) + "/" + c.get(0));
        }
        Violations v = new Violations("subscribers.csv");
        Map<String, String> lineOfImsi = new HashMap<>();
        Map<String, String> lineOfMsisdn = new HashMap<>();
        Set<String> lines = new HashSet<>();
        CSVRecord previous = null;
        String first = START.toString();
        String last = START.plusDays(DAYS - 1).toString();
        for (CSVRecord s : subscribers.records()) {
            CSVRecord before = previous;
            previous = s;
            lines.add(s.get(S_ID));
            boolean sameLine = before != null && before.get(S_ID).equals(s.get(S_ID));
            v.check(before == null || Integer.parseInt(before.get(S_ID)) < Integer.parseInt(s.get(S_ID))
                    || sameLine && before.get(S_FROM).compareTo(s.get(S_FROM)) < 0,
                    () -> "rows in (subscriber_id, valid_from) order: " + s);
            if (sameLine && before.get(S_HOLDER).equals(s.get(S_HOLDER))) {
                v.check(before.get(S_TO).equals(s.get(S_FROM)) && before.get(S_ENDED).equals(s.get(S_BEGAN)),
                        () -> "a holder's versions follow one another, ended as the next began:\n    " + before + "\n    " + s);
            }
            v.check(s.get(S_FROM).compareTo(last) <= 0 && (s.get(S_TO).isEmpty() || s.get(S_TO).compareTo(first) > 0),
                    () -> "a version valid on some day of the drop: " + s);
            v.check(s.get(S_TO).isEmpty() == s.get(S_ENDED).isEmpty()
                    && (s.get(S_TO).isEmpty() || s.get(S_TO).compareTo(last) <= 0),
                    () -> "valid_to and end_reason are filled together, only when it ended by the last day: " + s);
            v.check(s.get(S_BEGAN).equals("ACTIVATION") == s.get(S_FROM).equals(s.get(S_ACTIVATION)),
                    () -> "an ACTIVATION version starts on the activation_date, others after it: " + s);
            v.check(s.get(S_ACTIVATION).compareTo(s.get(S_FROM)) <= 0, () -> "activation_date after valid_from: " + s);
            v.check(s.get(S_IMSI).matches("\\d{15}") && s.get(S_IMSI).startsWith(homeMcc + homeMnc), () -> "served_imsi: " + s);
            String imsiOwner = lineOfImsi.putIfAbsent(s.get(S_IMSI), s.get(S_ID) + "/" + s.get(S_HOLDER));
            v.check(imsiOwner == null || imsiOwner.equals(s.get(S_ID) + "/" + s.get(S_HOLDER)),
                    () -> "an IMSI of two holders: " + s);
            v.check(s.get(S_MSISDN).matches("\\d{1,15}") && s.get(S_MSISDN).startsWith(countryCode), () -> "served_msisdn: " + s);
            String numberOwner = lineOfMsisdn.putIfAbsent(s.get(S_MSISDN), s.get(S_ID));
            v.check(numberOwner == null || numberOwner.equals(s.get(S_ID)), () -> "an MSISDN of two lines: " + s);
            v.check(s.get(S_IMEI).matches("\\d{15}") && IndependentLuhn.isValid(s.get(S_IMEI)) && Luhn.isValid(s.get(S_IMEI)),
                    () -> "served_imei: " + s);
            v.check(Set.of("PREPAID", "POSTPAID").contains(s.get(S_PLAN)), () -> "plan: " + s);
            LocalDate complete = LocalDate.ofEpochDay(profile.population().baseCompleteEpochDay());
            LocalDate activation = parseDate(s.get(S_ACTIVATION));
            v.check(activation != null && (!s.get(S_HOLDER).equals("0") || activation.isBefore(complete)
                    && !activation.isBefore(complete.minusDays(profile.population().maxActivationAgeDays()))),
                    () -> "a line's first activation before base_complete_date, within max_activation_age_days: " + s);
            v.check(cellKeys.contains(s.get(S_HOME_RAT) + "/" + s.get(S_HOME_TAC) + "/" + s.get(S_HOME_CELL)),
                    () -> "(home_rat_type, home_tac, home_cell_id) not a cell of cells.csv: " + s);
            v.check(s.get(S_WORK_CELL).isEmpty() ? s.get(S_WORK_RAT).isEmpty() && s.get(S_WORK_TAC).isEmpty()
                    : cellKeys.contains(s.get(S_WORK_RAT) + "/" + s.get(S_WORK_TAC) + "/" + s.get(S_WORK_CELL)),
                    () -> "(work_rat_type, work_tac, work_cell_id) not a cell of cells.csv, or partly empty: " + s);
            v.check(RATS.contains(s.get(S_DEVICE_RAT)), () -> "device_rat: " + s);
        }
        v.assertNone();
        // Most lines have a holder on a given day; the rest are in a cool-down after a churn.
        assertTrue(lines.size() > 0.85 * SUBSCRIBERS && lines.size() <= SUBSCRIBERS, "lines listed: " + lines.size());
        Violations w = new Violations("events vs subscribers.csv");
        for (Ev e : events) {
            CSVRecord version = versionOn(e.get("served_msisdn"), e.day());
            w.check(version != null, () -> "no subscribers.csv version of served_msisdn valid on the row's day: " + e);
            w.check(version == null || version.get(S_IMSI).equals(e.get("served_imsi"))
                    && version.get(S_IMEI).equals(e.get("served_imei")),
                    () -> "served_imsi/served_imei are not those of the version valid that day: " + e);
        }
        w.assertNone();
    }

    /**
     * A subscriber carries one phone and is in one country on a given day (the model draws handsets and
     * trips per day), whichever row (their own MO/DATA rows, or MT legs written by a caller's chunk) shows them.
     */
    @Test
    void aSubscriberHasOnePhoneAndOneCountryPerDay() {
        Map<String, Ev> phone = new HashMap<>();
        Map<String, Ev> country = new HashMap<>();
        Violations v = new Violations("one phone and one country per subscriber-day");
        for (Ev e : events) {
            String key = e.get("served_imsi") + "/" + e.day();
            Ev p = phone.putIfAbsent(key, e);
            v.check(p == null || p.is("served_imei", e.get("served_imei")),
                    () -> "two IMEIs on one day:\n    " + p + "\n    " + e);
            Ev c = country.putIfAbsent(key, e);
            v.check(c == null || (c.is("visited_plmn", e.get("visited_plmn")) && c.is("roaming", e.get("roaming"))),
                    () -> "home and abroad, or two countries, on one day:\n    " + c + "\n    " + e);
        }
        v.assertNone();
    }

    @Test
    void cellsCsvIsAValidRadioNetwork() {
        Violations v = new Violations("cells.csv");
        Set<String> keys = new HashSet<>();
        for (CSVRecord c : cells.records()) {
            Long id = parseLong(c.get(0));
            Long tac = parseLong(c.get(3));
            String rat = c.get(4);
            v.check(c.get(1).equals(homeMcc) && c.get(2).equals(homeMnc), () -> "mcc/mnc: " + c);
            v.check(RATS.contains(rat), () -> "rat_type: " + c);
            v.check(keys.add(rat + "/" + c.get(3) + "/" + c.get(0)), () -> "duplicate (rat_type, tac, cell_id): " + c);
            if (id == null || tac == null) {
                v.fail("cell_id and tac must be integers: " + c);
                continue;
            }
            switch (rat) {
                case "GERAN", "UTRAN" -> {
                    v.check(tac >= 1 && tac <= 0xFFFF && tac != 0xFFFE, () -> "LAC 16 bit, not 0/0xFFFE: " + c);
                    v.check(id >= 0 && id <= 0xFFFF, () -> "CI 16 bit: " + c);
                }
                case "EUTRAN" -> {
                    v.check(tac >= 0 && tac <= 0xFFFF, () -> "TAC 16 bit: " + c);
                    v.check(id >= 0 && id < (1L << 28), () -> "ECI 28 bit: " + c);
                }
                case "NR" -> {
                    v.check(tac >= 0 && tac <= 0xFF_FFFF, () -> "TAC 24 bit: " + c);
                    v.check(id >= 0 && id < (1L << 36), () -> "NCI 36 bit: " + c);
                }
                default -> v.fail("rat_type: " + c);
            }
            double lat = Double.parseDouble(c.get(5));
            double lon = Double.parseDouble(c.get(6));
            long azimuth = Long.parseLong(c.get(7));
            v.check(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180, () -> "coordinates: " + c);
            v.check(azimuth >= 0 && azimuth < 360, () -> "azimuth_deg 0..359: " + c);
        }
        v.assertNone();
        Set<String> rats = cells.records().stream().map(c -> c.get(4)).collect(Collectors.toSet());
        assertEquals(RATS, rats, "the default profile has all four layers");
    }

    /**
     * Identity numbers should use every digit: each of the six IMEI serial digits (positions 9-14) and each of
     * the last six MSISDN digits takes every value 0-9 across 2000 subscribers (a missing digit would show a
     * broken number generator, such as serials that never contain a 9).
     */
    @Test
    void identityDigitsUseAllTenValues() {
        Set<String> imeis = new TreeSet<>();
        Set<String> msisdns = new TreeSet<>();
        for (CSVRecord s : subscribers.records()) {
            imeis.add(s.get(S_IMEI));
            msisdns.add(s.get(S_MSISDN));
        }
        for (Ev e : events) {
            imeis.add(e.get("served_imei"));
        }
        Violations v = new Violations("digit distribution");
        for (int pos = 8; pos < 14; pos++) {
            int p = pos;
            Set<Character> digits = imeis.stream().map(i -> i.charAt(p)).collect(Collectors.toCollection(TreeSet::new));
            v.check(digits.size() == 10, () -> "IMEI position " + (p + 1) + " (serial) only takes " + digits);
        }
        for (int back = 1; back <= 6; back++) {
            int b = back;
            Set<Character> digits = msisdns.stream().map(m -> m.charAt(m.length() - b))
                    .collect(Collectors.toCollection(TreeSet::new));
            v.check(digits.size() == 10, () -> "MSISDN digit " + b + " from the end only takes " + digits);
        }
        v.assertNone();
        // About 90% of the lines have a holder on a day, each with a phone of their own.
        assertTrue(imeis.size() > SUBSCRIBERS * 0.85, "IMEIs should be nearly all distinct: " + imeis.size());
    }

    // ---- helpers ----

    /** Whether the row's timestamps parse; malformed ones are reported by the timestamp test, not here. */
    private static boolean wellFormedTimes(Ev e) {
        for (String c : List.of("start_time", "answer_time", "end_time")) {
            if (!e.empty(c) && !TIMESTAMP.matcher(e.get(c)).matches()) {
                return false;
            }
        }
        return !e.empty("start_time") && !e.empty("duration_s") && DIGITS.matcher(e.get("duration_s")).matches()
                && (e.is("event_type", "SMS") || !e.empty("end_time"))
                && (!e.is("event_type", "VOICE") || (!e.empty("release_cause") && !e.empty("cause_for_term")
                        && (e.empty("answer_time") != e.is("call_disposition", "ANSWERED"))));
    }

    static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
