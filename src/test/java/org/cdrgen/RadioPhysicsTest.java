package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.config.DataProfile;
import org.cdrgen.config.Profile;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.model.RatType;
import org.cdrgen.testing.Cli;
import org.cdrgen.testing.Drops;
import org.cdrgen.testing.Drops.Csv;
import org.cdrgen.testing.Drops.Violations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Radios that obey the phone and physics (issue 13, item 4), on a default-profile drop: no row uses a RAT
 * above its phone's best (a 2G phone at an LTE-only site camps on the nearest 2G cell; on main 2.2% of rows
 * and 57% of a 2G handset's rows were on LTE); no DATA record moves its volume faster than its RAT's peak
 * (23.7% of GERAN records did, at up to 60 Mbit/s); volumes grow with the radio; the ims APN only on LTE/NR.
 */
class RadioPhysicsTest {
    @TempDir
    static Path tmp;
    private static Profile profile;
    private static final List<Row> rows = new ArrayList<>();
    private static Csv subscribers;

    record Row(CSVRecord record, Csv csv) {
        String get(String column) {
            return record.get(csv.column(column));
        }
    }

    @BeforeAll
    static void generate() {
        profile = new ProfileLoader().loadBuiltIn().profile();
        Path drop = tmp.resolve("drop");
        Cli.ok("--subscribers", "3000", "--days", "2", "--seed", Cli.SEED, "--start-date", "2026-03-02", "--quiet",
                "--output-dir", drop.toString());
        subscribers = Drops.readCsv(drop.resolve("subscribers.csv"));
        Drops.eventFilesByDay(drop).forEach((day, parts) -> parts.forEach(part -> {
            Csv csv = Drops.readCsv(part);
            csv.records().forEach(r -> rows.add(new Row(r, csv)));
        }));
    }

    @Test
    void noRowUsesARatAboveItsPhones() {
        Map<String, RatType> bestOfImei = new HashMap<>();
        Violations homes = new Violations("subscribers.csv cells vs the phone");
        for (CSVRecord s : subscribers.records()) {
            RatType best = RatType.valueOf(s.get(subscribers.column("device_rat")));
            bestOfImei.put(s.get(subscribers.column("served_imei")), best);
            homes.check(RatType.valueOf(s.get(subscribers.column("home_rat_type"))).compareTo(best) <= 0,
                    () -> "home cell on a RAT above the phone's: " + s);
        }
        homes.assertNone();
        Violations v = new Violations("rows vs the phone's best RAT");
        int legacyRows = 0;
        for (Row r : rows) {
            RatType best = bestOfImei.get(r.get("served_imei"));
            v.check(best != null && RatType.valueOf(r.get("rat_type")).compareTo(best) <= 0,
                    () -> "rat_type above the phone's best (" + best + "): " + r.record());
            legacyRows += best == RatType.GERAN ? 1 : 0;
        }
        v.assertNone();
        assertTrue(legacyRows > 1000, "rows of 2G-only phones, which would show the point: " + legacyRows);
    }

    @Test
    void dataRecordsRespectTheirRatsPeakAndVolumesGrowWithTheRadio() {
        DataProfile data = profile.data();
        double[] peakBytesPerSecond = data.peakThroughputMbps().toArray();
        Map<RatType, List<Long>> volumes = new EnumMap<>(RatType.class);
        Violations v = new Violations("DATA records vs their RAT");
        for (Row r : rows) {
            if (!r.get("event_type").equals("DATA")) {
                continue;
            }
            RatType rat = RatType.valueOf(r.get("rat_type"));
            long bytes = Long.parseLong(r.get("bytes_uplink")) + Long.parseLong(r.get("bytes_downlink"));
            long duration = Long.parseLong(r.get("duration_s"));
            double peak = peakBytesPerSecond[rat.ordinal()] * 1e6 / 8;
            // Whole seconds round a record's length down by less than one second.
            v.check(bytes <= peak * (duration + 1) + 1, () -> "faster than " + rat + "'s peak: " + r.record());
            v.check(!r.get("apn").equals("ims") || rat.compareTo(RatType.EUTRAN) >= 0,
                    () -> "ims APN without VoLTE/VoNR: " + r.record());
            volumes.computeIfAbsent(rat, k -> new ArrayList<>()).add(bytes);
        }
        v.assertNone();
        double[] medians = new double[RatType.values().length];
        for (RatType rat : RatType.values()) {
            List<Long> list = volumes.get(rat);
            assertTrue(list != null && list.size() > 200, rat + " DATA records: " + (list == null ? 0 : list.size()));
            Collections.sort(list);
            medians[rat.ordinal()] = list.get(list.size() / 2);
        }
        assertTrue(medians[0] < medians[1] / 3 && medians[1] < medians[2] / 1.5 && medians[2] < medians[3],
                "median record volume by RAT (GERAN, UTRAN, EUTRAN, NR): " + java.util.Arrays.toString(medians));
    }
}
