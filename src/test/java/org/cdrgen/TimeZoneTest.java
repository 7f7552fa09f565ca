package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.output.EventSchema;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile in another time zone: activity follows local time, a day's partition holds the events of that
 * local day (23 or 25 hours long when the clocks change), and timestamps stay UTC with 'Z'.
 */
class TimeZoneTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "America/New_York, 2026-03-07",   // 2026-03-08 has 23 hours
        "America/New_York, 2026-10-31",   // 2026-11-01 has 25 hours
        "Asia/Kolkata, 2026-03-02"})      // +05:30, no DST
    void daysAreLocalAndTimestampsUtc(String zoneId, String start) throws Exception {
        ZoneId zone = ZoneId.of(zoneId);
        Path config = tmp.resolve("zone.yaml");
        Files.writeString(config, "network:\n  time_zone: " + zoneId + "\n");
        Path out = tmp.resolve("drop");
        Cli.ok("--subscribers", "500", "--days", "3", "--start-date", start, "--seed", "9", "--threads", "2",
                "--config", config.toString(), "--output-dir", out.toString());

        Map<String, List<Path>> days = Drops.eventFilesByDay(out);
        LocalDate first = LocalDate.parse(start);
        assertEquals(List.of(first.toString(), first.plusDays(1).toString(), first.plusDays(2).toString()),
                List.copyOf(days.keySet()), "one partition per local day");
        int startCol = EventSchema.COLUMNS.indexOf("start_time");
        long[] localHours = new long[24];
        Violations v = new Violations("timestamps in " + zoneId);
        for (Map.Entry<String, List<Path>> day : days.entrySet()) {
            LocalDate date = LocalDate.parse(day.getKey());
            long from = date.atStartOfDay(zone).toInstant().toEpochMilli();
            long to = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            for (Path part : day.getValue()) {
                for (CSVRecord r : Drops.readCsv(part).records()) {
                    for (String c : List.of("start_time", "answer_time", "end_time")) {
                        String t = r.get(EventSchema.COLUMNS.indexOf(c));
                        if (t.isEmpty()) {
                            continue;
                        }
                        if (!t.endsWith("Z")) {
                            v.fail(c + " is not UTC: " + r);
                            continue;
                        }
                        long ms = Instant.parse(t).toEpochMilli();
                        // A row belongs to the local day it starts on; its end may lie on the next one.
                        long bound = c.equals("start_time") ? to : to + 86_400_000L;
                        v.check(ms >= from && ms < bound, () -> c + " outside local day " + date + " (" + zoneId
                                + "): " + String.join(",", r.toList()));
                    }
                    localHours[Instant.parse(r.get(startCol)).atZone(zone).getHour()]++;
                }
            }
        }
        v.assertNone();
        // Local nights are quiet, local late afternoons busy: activity follows the zone, not UTC.
        long night = localHours[2] + localHours[3] + localHours[4];
        long afternoon = localHours[15] + localHours[16] + localHours[17];
        assertTrue(afternoon > 2.5 * night, "local 15-18h " + afternoon + " vs local 02-05h " + night);
    }
}
