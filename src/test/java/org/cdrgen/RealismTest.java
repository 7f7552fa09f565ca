package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.inspect.DropReport;
import org.cdrgen.inspect.DropStatistics;
import org.cdrgen.testing.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default profile's shapes, on 2,000 subscribers x 14 days (two full weeks from a Monday), against the
 * published figures of realism-sources.md. Ranges are wide (levels are profile values), but every
 * assertion fails on uniform or Poisson random data: the point is the shape.
 */
class RealismTest {
    @TempDir
    static Path tmp;
    static Path drop;
    static DropReport report;
    static List<CSVRecord> voiceMo = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        drop = tmp.resolve("drop");
        Cli.Result run = Cli.run("--subscribers", "2000", "--days", "14", "--seed", "11",
                "--start-date", "2026-03-02", "--quiet", "--output-dir", drop.toString());
        assertEquals(0, run.exit(), run.describe());
        report = DropStatistics.analyze(drop);
        try (Stream<Path> files = Files.walk(drop.resolve("events"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader in = Files.newBufferedReader(file)) {
                    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                            .parse(in)) {
                        if (r.get("event_type").equals("VOICE") && r.get("direction").equals("MO")) {
                            voiceMo.add(r);
                        }
                    }
                }
            }
        }
    }

    @Test
    void activityIsHeavyTailedWithQuietAndHeavyUsers() {
        DropReport.DayCounts calls = report.activity().perSubscriberDay().get("voice_mo_attempts");
        assertBetween("mean MO call attempts per subscriber-day", calls.all().mean(), 1.2, 5.0);
        // Skew: the median user makes fewer calls than the mean, a few make many (Poisson(mean) would have p99 ~ mean + 3 sd).
        assertTrue(calls.all().median() < calls.all().mean(), "median below mean: " + calls.all());
        assertTrue(calls.all().p99() > 5 * calls.all().mean(), "heavy users: p99 " + calls.all().p99());
        assertBetween("subscriber-days without a call attempt", report.activity().zeroVoiceMoShare(), 0.2, 0.7);
    }

    @Test
    void dailyCycleHasNightMinimumAndLateAfternoonPeak() {
        for (String service : List.of("VOICE", "SMS")) {
            double[] hourly = report.hourlyShareUtc().get(service);
            int peak = argMax(hourly);
            assertBetween(service + " peak hour", peak, 10, 21);
            double night = hourly[3] + hourly[4];
            assertTrue(night < 0.1 * (hourly[peak] * 2), service + " night minimum, 3-5 h share " + night);
        }
        // Data is flatter: its night trough is a larger share of its peak than voice's.
        double[] voice = report.hourlyShareUtc().get("VOICE");
        double[] data = report.hourlyShareUtc().get("DATA");
        assertTrue(data[4] / data[argMax(data)] > 2 * voice[4] / voice[argMax(voice)], "data flatter than voice");
    }

    @Test
    void weekendsHaveFewerButLongerCalls() {
        DropReport.DayCounts calls = report.activity().perSubscriberDay().get("voice_mo_attempts");
        assertTrue(calls.weekendMean() < 0.9 * calls.weekdayMean(), "fewer weekend calls: " + calls);
        assertTrue(report.voice().answeredDurationWeekend().median() > 1.1 * report.voice().answeredDurationWeekday().median(),
                "longer weekend calls");
    }

    @Test
    void answeredDurationsAreLogNormalLike() {
        DropReport.Voice voice = report.voice();
        assertBetween("median answered duration (s)", voice.answeredDuration().median(), 40, 100);
        assertBetween("mean answered duration (s)", voice.answeredDuration().mean(), 100, 300);
        // A heavy right tail: exponential would give p99/median = ln(100)/ln(2) ~ 6.6.
        assertTrue(voice.answeredDuration().p99() / voice.answeredDuration().median() > 12, "heavy tail");
        // Ofcom 2019: 60% of calls under 90 s, more than 80% under 5 minutes.
        assertTrue(voice.answeredDuration().p90() < 600, "90% of calls under 10 minutes");
    }

    @Test
    void outcomesAreConsistentAndMostlyAnswered() {
        double answered = report.voice().disposition().get("ANSWERED").share();
        assertBetween("answered share", answered, 0.55, 0.85);
        // Answered calls end in normal clearing (16), a few are dropped (41): 16 is a bit below the answered share.
        double normalClearing = report.voice().releaseCause().get("16").share();
        assertTrue(normalClearing <= answered && normalClearing > answered - 0.05, "16 vs answered: " + normalClearing);
        assertTrue(report.voice().releaseCause().get("17").share() > 0.02, "user busy present");
        assertTrue(report.voice().releaseCause().get("19").share() > 0.05, "no answer present");
    }

    @Test
    void fewStrongTiesCarryMostCalls() {
        assertBetween("share of calls to the top contact", report.topContacts().topContactShare(), 0.3, 0.8);
        assertBetween("share of calls to the top 3 contacts", report.topContacts().top3ContactShare(), 0.55, 0.95);
        DropReport.Contacts voice = report.contacts().get("voice");
        assertBetween("distinct voice contacts per active day", voice.activeDayMean(), 1.5, 6);
        assertTrue(voice.perSubscriber().p90() > 1.8 * voice.perSubscriber().median(), "skewed contact counts");
    }

    @Test
    void onNetCallsAreReciprocatedAndPaired() {
        for (String service : List.of("VOICE", "SMS")) {
            DropReport.OnNet onNet = report.onNet().get(service);
            // Every on-net MO to a holder whose phone is on has its MT; the rest (about 3%) go to numbers in a
            // cool-down after a churn (unallocated) or to phones that are off (SchemaTest checks them one by one).
            assertBetween(service + " on-net MO with their MT", onNet.matchedShare(), 0.94, 1.0);
            assertEquals(1.0, onNet.consistentShare(), 1e-12, service + " MO/MT agree");
            assertBetween(service + " on-net share of MO", onNet.moOnNetShare(), 0.1, 0.6);
        }
        // Reciprocity: of the ordered on-net pairs A->B with a call, B->A also has one far more often than chance.
        Set<String> directed = new HashSet<>();
        for (CSVRecord r : voiceMo) {
            if (r.get("other_party_on_net").equals("true")) {
                directed.add(r.get("served_msisdn") + ">" + r.get("other_party_msisdn"));
            }
        }
        long reciprocated = directed.stream().filter(p -> {
            String[] ab = p.split(">");
            return directed.contains(ab[1] + ">" + ab[0]);
        }).count();
        assertTrue(reciprocated > 0.25 * directed.size(), "reciprocated pairs " + reciprocated + " of " + directed.size());
    }

    @Test
    void callsComeInBurstsNotAsAPoissonProcess() {
        // Coefficient of variation of a subscriber's inter-call gaps within a day: 1 for a Poisson process.
        Map<String, List<Long>> starts = new HashMap<>();
        for (CSVRecord r : voiceMo) {
            long t = Instant.parse(r.get("start_time")).toEpochMilli();
            starts.computeIfAbsent(r.get("served_imsi") + Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC).toLocalDate(),
                    k -> new ArrayList<>()).add(t);
        }
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (List<Long> day : starts.values()) {
            if (day.size() < 6) {
                continue;
            }
            day.sort(null);
            double mean = (double) (day.get(day.size() - 1) - day.get(0)) / (day.size() - 1);
            for (int i = 1; i < day.size(); i++) {
                double gap = (day.get(i) - day.get(i - 1)) / mean;
                sum += gap;
                sumSq += gap * gap;
                n++;
            }
        }
        double m = sum / n;
        double cv = Math.sqrt(sumSq / n - m * m) / m;
        assertTrue(cv > 1.3, "bursty inter-call times: CV " + cv + " over " + n + " gaps");
    }

    @Test
    void mostEventsHappenAtOneOrTwoPlaces() {
        assertBetween("share of rows at the top cell", report.cells().topCellShare(), 0.3, 0.75);
        assertTrue(report.cells().top2CellShare() > report.cells().topCellShare() + 0.08, "second place (work)");
        assertTrue(report.cells().distinctCellsPerSubscriber().median() >= 4, "people move");
    }

    @Test
    void dataIsHeavyTailedDownlinkHeavyAndSplitIntoPartialRecords() {
        DropReport.Data data = report.data();
        assertTrue(data.sessionBytes().mean() > 3 * data.sessionBytes().median(), "heavy-tailed session volume");
        assertBetween("downlink / uplink", data.downlinkUplinkRatio(), 3, 15);
        assertBetween("partial records", data.partialRecordShare(), 0.01, 0.3);
        assertTrue(data.causeForTerm().get("17").share() > 0.01, "timeLimit closings");
        assertTrue(data.causeForTerm().containsKey("16"), "volumeLimit closings");
        assertTrue(data.apn().get("internet").share() > 0.8, "mostly the internet APN");
        // Monthly volume per subscriber in the published range (UK 2019 2.9 GB .. global 2022 11.3 GB).
        assertBetween("GB per subscriber-month", data.bytesPerSubscriberDay().mean() * 30 / 1e9, 2, 15);
    }

    @Test
    void someRoamAndSomeChangePhones() {
        assertBetween("roaming row share", report.roaming().rowShare(), 0.001, 0.05);
        assertEquals(0, report.roaming().rowsWithCellId(), "roaming rows carry no home cell");
        assertBetween("subscribers with a new IMEI in 14 days", report.devices().swapShare(), 0.003, 0.05);
    }

    @Test
    void theSmsEraProfileReallyChangesTheOutput() throws IOException {
        Path era = tmp.resolve("sms-era");
        Cli.Result run = Cli.run("--subscribers", "500", "--days", "2", "--seed", "11",
                "--start-date", "2026-03-02", "--quiet", "--config", "config/sms-era-2010.yaml",
                "--output-dir", era.toString());
        assertEquals(0, run.exit(), run.describe());
        DropReport old = DropStatistics.analyze(era);
        double smsNow = report.activity().perSubscriberDay().get("sms_mo").all().mean();
        double smsThen = old.activity().perSubscriberDay().get("sms_mo").all().mean();
        assertTrue(smsThen > 3 * smsNow, "SMS era: " + smsThen + " vs " + smsNow + " SMS per day");
        assertTrue(old.data().sessionBytes().median() < report.data().sessionBytes().median() / 5, "smaller sessions");
        String events = Files.readString(Files.list(era.resolve("events/date=2026-03-02")).findFirst().orElseThrow());
        assertTrue(!events.contains(",EUTRAN,") && !events.contains(",NR,"), "no LTE or 5G in 2010");
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void assertBetween(String what, double value, double min, double max) {
        assertTrue(value >= min && value <= max, what + " = " + value + ", expected " + min + ".." + max);
    }
}
