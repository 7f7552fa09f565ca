package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.output.EventSchema;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coarse realism of the built-in profile on 2000 subscribers x 1 weekday. The tolerances are wide: these
 * catch a broken model (wrong units, a distribution that lost its tail), not a retuned one.
 */
class DistributionTest {
    static final int SUBSCRIBERS = 2000;

    @TempDir
    static Path tmp;
    static List<CSVRecord> rows = new ArrayList<>();

    static int c(String column) {
        return EventSchema.COLUMNS.indexOf(column);
    }

    @BeforeAll
    static void generate() {
        Path out = tmp.resolve("drop");
        // 2026-03-02 is a Monday: a plain working day, no weekend or special-day multipliers.
        Cli.ok("--subscribers", Integer.toString(SUBSCRIBERS), "--days", "1", "--start-date", "2026-03-02",
                "--seed", "314159", "--threads", "2", "--output-dir", out.toString());
        for (List<Path> parts : Drops.eventFilesByDay(out).values()) {
            for (Path part : parts) {
                rows.addAll(Drops.readCsv(part).records());
            }
        }
    }

    static List<CSVRecord> voiceMo() {
        return rows.stream().filter(r -> r.get(c("event_type")).equals("VOICE") && r.get(c("direction")).equals("MO"))
                .toList();
    }

    @Test
    void voiceAttemptsPerSubscriberDay() {
        double mean = (double) voiceMo().size() / SUBSCRIBERS;
        assertTrue(mean >= 1.0 && mean <= 6.0, "VOICE MO attempts per subscriber-day: " + mean);
    }

    @Test
    void answeredShareOfVoiceAttempts() {
        List<CSVRecord> mo = voiceMo();
        double answered = mo.stream().filter(r -> r.get(c("call_disposition")).equals("ANSWERED")).count()
                / (double) mo.size();
        assertTrue(answered >= 0.55 && answered <= 0.85, "answered share of VOICE MO: " + answered);
    }

    @Test
    void answeredDurationsAreHeavyTailed() {
        double[] durations = voiceMo().stream().filter(r -> r.get(c("call_disposition")).equals("ANSWERED"))
                .mapToDouble(r -> Double.parseDouble(r.get(c("duration_s")))).sorted().toArray();
        double median = durations[durations.length / 2];
        double mean = Arrays.stream(durations).average().orElse(0);
        assertTrue(median >= 30 && median <= 120, "median answered duration: " + median + " s");
        assertTrue(mean > 1.5 * median, "mean " + mean + " s should exceed 1.5 x median " + median + " s");
    }

    @Test
    void downlinkDominatesUplink() {
        double up = 0;
        double down = 0;
        for (CSVRecord r : rows) {
            if (r.get(c("event_type")).equals("DATA")) {
                up += Double.parseDouble(r.get(c("bytes_uplink")));
                down += Double.parseDouble(r.get(c("bytes_downlink")));
            }
        }
        assertTrue(up > 0 && down > 3 * up, "DATA downlink " + down + " vs uplink " + up);
    }

    @Test
    void activityIsHeavyTailedAcrossSubscribers() {
        Map<String, Integer> perSubscriber = new HashMap<>();
        for (CSVRecord r : rows) {
            perSubscriber.merge(r.get(c("served_imsi")), 1, Integer::sum);
        }
        int[] counts = perSubscriber.values().stream().mapToInt(Integer::intValue).toArray();
        // Subscribers without any event count as zero; they only make the top decile heavier.
        int[] all = Arrays.copyOf(counts, Math.max(counts.length, SUBSCRIBERS));
        Arrays.sort(all);
        long total = Arrays.stream(all).asLongStream().sum();
        long top = 0;
        for (int i = all.length - all.length / 10; i < all.length; i++) {
            top += all[i];
        }
        double share = (double) top / total;
        assertTrue(share > 0.25, "top 10% of subscribers carry " + share + " of events");
    }

    @Test
    void eventsFollowTheDailyRhythm() {
        long[] perHour = new long[24];
        for (CSVRecord r : rows) {
            if (r.get(c("event_type")).equals("VOICE")) {
                perHour[Instant.parse(r.get(c("start_time"))).atZone(java.time.ZoneOffset.UTC).getHour()]++;
            }
        }
        long night = perHour[2] + perHour[3] + perHour[4];
        long evening = perHour[16] + perHour[17] + perHour[18];
        assertTrue(evening > 5 * night, "voice 16-19h " + evening + " vs 02-05h " + night);
    }

    /**
     * A week from Monday 2026-03-02: Saturday and Sunday (and only they) have fewer voice calls (weekend
     * voice activity 0.72) that last longer (weekend_duration_multiplier 1.25). Catches a weekday index that
     * is off by one, or days that are not part of the random streams.
     */
    @Test
    void weekendsAreTheQuieterDaysWithLongerCalls(@TempDir Path weekDir) {
        Path out = weekDir.resolve("week");
        int subscribers = 1000;
        Cli.ok("--subscribers", Integer.toString(subscribers), "--days", "7", "--start-date", "2026-03-02",
                "--seed", "2718", "--threads", "2", "--output-dir", out.toString());
        Map<String, Double> callsPerSubscriber = new java.util.TreeMap<>();
        Map<String, Double> medianDuration = new java.util.TreeMap<>();
        for (Map.Entry<String, List<Path>> day : Drops.eventFilesByDay(out).entrySet()) {
            List<Double> durations = new ArrayList<>();
            long calls = 0;
            for (Path part : day.getValue()) {
                for (CSVRecord r : Drops.readCsv(part).records()) {
                    if (r.get(c("event_type")).equals("VOICE") && r.get(c("direction")).equals("MO")) {
                        calls++;
                        if (r.get(c("call_disposition")).equals("ANSWERED")) {
                            durations.add(Double.parseDouble(r.get(c("duration_s"))));
                        }
                    }
                }
            }
            durations.sort(null);
            callsPerSubscriber.put(day.getKey(), (double) calls / subscribers);
            medianDuration.put(day.getKey(), durations.get(durations.size() / 2));
        }
        List<String> weekend = List.of("2026-03-07", "2026-03-08");
        double quietestWeekday = Double.MAX_VALUE;
        double busiestWeekend = 0;
        double weekdayCalls = 0;
        double weekendCalls = 0;
        double weekdayMedian = 0;
        double weekendMedian = 0;
        for (String day : callsPerSubscriber.keySet()) {
            double calls = callsPerSubscriber.get(day);
            if (weekend.contains(day)) {
                busiestWeekend = Math.max(busiestWeekend, calls);
                weekendCalls += calls / 2;
                weekendMedian += medianDuration.get(day) / 2;
            } else {
                quietestWeekday = Math.min(quietestWeekday, calls);
                weekdayCalls += calls / 5;
                weekdayMedian += medianDuration.get(day) / 5;
            }
        }
        String table = "calls per subscriber " + callsPerSubscriber + ", median answered s " + medianDuration;
        assertTrue(callsPerSubscriber.size() == 7, table);
        assertTrue(busiestWeekend < quietestWeekday, "Saturday and Sunday should be the quietest days: " + table);
        double ratio = weekendCalls / weekdayCalls;
        assertTrue(ratio > 0.55 && ratio < 0.85, "weekend/weekday voice " + ratio + ": " + table);
        assertTrue(weekendMedian > 1.08 * weekdayMedian, "weekend calls should last longer: " + table);
    }

    /** Times and durations have real resolution: no 5-minute grid, no whole minutes. */
    @Test
    void timesAndDurationsAreNotOnAGrid() {
        java.util.Set<String> millis = new java.util.HashSet<>();
        java.util.Set<String> seconds = new java.util.HashSet<>();
        long answered = 0;
        long wholeMinutes = 0;
        for (CSVRecord r : rows) {
            String start = r.get(c("start_time"));
            millis.add(start.substring(20, 23));
            seconds.add(start.substring(17, 19));
            if (r.get(c("event_type")).equals("VOICE") && r.get(c("call_disposition")).equals("ANSWERED")) {
                answered++;
                if (Long.parseLong(r.get(c("duration_s"))) % 60 == 0) {
                    wholeMinutes++;
                }
            }
        }
        assertTrue(millis.size() > 990, "distinct millisecond values of start_time: " + millis.size());
        assertTrue(seconds.size() == 60, "distinct second values of start_time: " + seconds.size());
        assertTrue(wholeMinutes < 0.1 * answered, wholeMinutes + " of " + answered + " answered calls last whole minutes");
    }
}
