package org.cdrgen.inspect;

import static org.cdrgen.inspect.DropFixture.A;
import static org.cdrgen.inspect.DropFixture.B;
import static org.cdrgen.inspect.DropFixture.C;
import static org.cdrgen.inspect.DropFixture.V;
import static org.cdrgen.inspect.DropFixture.W;
import static org.cdrgen.inspect.DropFixture.X;
import static org.cdrgen.inspect.DropFixture.Y;
import static org.cdrgen.inspect.DropFixture.Z;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact statistics of small hand-written drops. 2026-03-06 is a Friday, 03-07 and 03-08 the weekend. */
class DropStatisticsTest {
    private static final double EPS = 1e-12;
    private static final String FRI = "2026-03-06T";
    private static final String SAT = "2026-03-07T";
    private static final String SUN = "2026-03-08T";

    @TempDir
    Path tmp;

    @Test
    void countsActivityHoursAndDurations() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscribers(A, B, C);
        fx.voice("MO", A, FRI + "08:00:00.000Z").other(X).answered(10);
        fx.voice("MO", A, FRI + "08:30:00.000Z").other(X).answered(20);
        fx.voice("MO", A, FRI + "09:00:00.000Z").other(Y).outcome("BUSY", 17);
        fx.sms("MO", A, FRI + "10:00:00.000Z").other(X);
        fx.voice("MO", B, FRI + "10:15:00.000Z").other(Z).answered(30);
        fx.voice("MO", A, SAT + "20:00:00.000Z").other(X).answered(40);
        fx.voice("MT", B, SAT + "23:00:00.000Z").other(W).answered(50);
        DropReport r = DropStatistics.analyze(fx.write());

        DropReport.Overview o = r.overview();
        assertEquals(2, o.eventFiles());
        assertEquals(2, o.dates());
        assertEquals(1, o.weekdayDates());
        assertEquals(1, o.weekendDates());
        assertEquals(7, o.rows());
        assertEquals("234-15", o.homePlmn());
        assertEquals("subscribers.csv", o.populationSource());
        assertEquals(3, o.subscribers());
        assertEquals(6, o.subscriberDays());
        assertEquals(0, o.servedImsisOutsidePopulation());
        assertEquals(0, o.rowsOffPartitionDate());
        assertEquals(Map.of("VOICE MO", 5L, "VOICE MT", 1L, "SMS MO", 1L, "SMS MT", 0L, "DATA MO", 0L), r.rows());
        assertEquals(List.of("VOICE MO", "VOICE MT", "SMS MO", "SMS MT", "DATA MO"), List.copyOf(r.rows().keySet()));

        // VOICE MO attempts per subscriber-day: A 3 and 1, B 1 and 0, C 0 and 0.
        DropReport.DayCounts mo = r.activity().perSubscriberDay().get("voice_mo_attempts");
        assertSummary(mo.all(), 6, 5.0 / 6, 0, 0.5, 2, 2.9, 3);
        assertEquals(4.0 / 3, mo.weekdayMean(), EPS);
        assertEquals(1.0 / 3, mo.weekendMean(), EPS);
        assertEquals(0.5, r.activity().zeroVoiceMoShare(), EPS);
        assertEquals(2.0 / 6, r.activity().zeroVoiceShare(), EPS);
        assertEquals(1.0, r.activity().perSubscriberDay().get("voice_calls_mo_mt").all().mean(), EPS);
        assertSummary(r.activity().perSubscriberDay().get("sms_mo").all(), 6, 1.0 / 6, 0, 0, 0.5, 0.95, 1);
        assertEquals(0, r.activity().perSubscriberDay().get("data_sessions").all().max(), EPS);

        double[] voiceHours = new double[24];
        voiceHours[8] = 2.0 / 6;
        voiceHours[9] = voiceHours[10] = voiceHours[20] = voiceHours[23] = 1.0 / 6;
        assertArrayEquals(voiceHours, r.hourlyShareUtc().get("VOICE"), EPS);
        assertEquals(1.0, r.hourlyShareUtc().get("SMS")[10], EPS);
        assertTrue(Double.isNaN(r.hourlyShareUtc().get("DATA")[0]), "no DATA rows: no share");

        DropReport.Voice v = r.voice();
        assertEquals(6, v.calls());
        assertEquals(5, v.answered());
        assertSummary(v.answeredDuration(), 5, 30, 14, 30, 46, 49.6, 50);
        assertSummary(v.answeredDurationWeekday(), 3, 20, 12, 20, 28, 29.8, 30);
        assertSummary(v.answeredDurationWeekend(), 2, 45, 41, 45, 49, 49.9, 50);
        assertEquals(List.of("ANSWERED", "BUSY"), List.copyOf(v.disposition().keySet()));
        assertEquals(new DropReport.Share(5, 5.0 / 6), v.disposition().get("ANSWERED"));
        assertEquals(new DropReport.Share(1, 1.0 / 6), v.disposition().get("BUSY"));
        assertEquals(new DropReport.Share(1, 1.0 / 6), v.releaseCause().get("17"));
    }

    @Test
    void onNetCallsArePairedByCallReference() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscribers(A, B);
        // 100: a consistent pair; 101: MO only; 102: MT disagrees on the duration; 103: MT only.
        fx.voice("MO", A, FRI + "09:00:00.000Z").onNet(B, 100).answered(60);
        fx.voice("MT", B, FRI + "09:00:00.000Z").onNet(A, 100).answered(60);
        fx.voice("MO", A, FRI + "10:00:00.000Z").onNet(B, 101).outcome("BUSY", 17);
        fx.voice("MO", A, FRI + "11:00:00.000Z").onNet(B, 102).answered(30);
        fx.voice("MT", B, FRI + "11:00:00.000Z").onNet(A, 102).answered(31);
        fx.voice("MT", B, FRI + "14:00:00.000Z").onNet(A, 103).answered(5);
        fx.sms("MO", A, FRI + "12:00:00.000Z").onNet(B, 200);
        fx.sms("MT", B, FRI + "12:00:00.000Z").onNet(A, 200);
        fx.sms("MT", A, FRI + "13:00:00.000Z").other(X).set("call_reference", "201");
        DropReport r = DropStatistics.analyze(fx.write());

        assertEquals(new DropReport.OnNet(3, 1.0, 3, 1.0, 4, 2, 0.5, 1, 0.5, 1, 1, 0), r.onNet().get("VOICE"));
        assertEquals(new DropReport.OnNet(1, 1.0, 2, 0.5, 1, 1, 1.0, 1, 1.0, 0, 0, 0), r.onNet().get("SMS"));
        assertEquals(3, r.voice().calls(), "an on-net call's MT row repeats its MO row and is not counted");
        assertEquals(2, r.voice().answered());
    }

    @Test
    void contactsAndTieStrength() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscribers(A, B, C);
        for (String to : List.of(X, X, X, Y, Y, Y)) {
            fx.voice("MO", A, FRI + "10:00:00.000Z").other(to).answered(10);
        }
        fx.sms("MO", A, FRI + "11:00:00.000Z").other(V);
        fx.voice("MO", B, FRI + "12:00:00.000Z").other(X).answered(10);
        for (String to : List.of(X, X, Z, W)) {
            fx.voice("MO", A, SAT + "10:00:00.000Z").other(to).answered(10);
        }
        fx.voice("MT", A, SAT + "11:00:00.000Z").other(Z).answered(10); // a contact, but not a call A makes
        fx.voice("MO", B, SAT + "12:00:00.000Z").other(X).answered(10);
        DropReport r = DropStatistics.analyze(fx.write());

        // A calls X 5, Y 3, Z 1, W 1 times: top 0.5, top 3 0.9; B calls X only: 1 and 1.
        assertEquals(new DropReport.TopContacts(2, 0.75, 0.95), r.topContacts());
        DropReport.Contacts all = r.contacts().get("voice_sms");
        assertSummary(all.perSubscriber(), 3, 2, 0.2, 1, 4.2, 4.92, 5); // A 5, B 1, C 0
        assertSummary(all.perSubscriberDay(), 6, 8.0 / 6, 0, 1, 3, 3, 3); // A 3 and 3, B 1 and 1, C 0 and 0
        assertEquals(2.0, all.activeDayMean(), EPS);
        DropReport.Contacts voice = r.contacts().get("voice");
        assertEquals(5.0 / 3, voice.perSubscriber().mean(), EPS); // A 4, B 1, C 0
        assertSummary(voice.perSubscriberDay(), 6, 7.0 / 6, 0, 1, 2.5, 2.95, 3); // A 2 and 3
        assertEquals(7.0 / 4, voice.activeDayMean(), EPS);
    }

    @Test
    void cellsRoamingAndDeviceSwaps() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscribers(A, B, C);
        long[] cellsOfA = {1, 1, 1, 1, 1, 1, 2, 2, 2, 3};
        for (long cell : cellsOfA) {
            fx.sms("MO", A, FRI + "10:00:00.000Z").other(X).cell(cell);
        }
        fx.sms("MO", A, SAT + "10:00:00.000Z").other(X).roaming("208-01").cell(1);
        fx.sms("MO", B, FRI + "10:00:00.000Z").other(X).cell(5).imei("353258110000001");
        fx.sms("MO", B, SAT + "10:00:00.000Z").other(X).cell(5).imei("353258110000019");
        fx.sms("MT", C, SAT + "10:00:00.000Z").other(Y).roaming("262-02");
        DropReport r = DropStatistics.analyze(fx.write());

        DropReport.Cells cells = r.cells();
        assertEquals(2, cells.subscribers(), "C was only seen roaming");
        assertSummary(cells.distinctCellsPerSubscriber(), 2, 2, 1.2, 2, 2.8, 2.98, 3);
        assertEquals((0.6 + 1.0) / 2, cells.topCellShare(), EPS);
        assertEquals((0.9 + 1.0) / 2, cells.top2CellShare(), EPS);

        DropReport.Roaming roaming = r.roaming();
        assertEquals(2, roaming.rows());
        assertEquals(2.0 / 14, roaming.rowShare(), EPS);
        assertEquals(2.0 / 14, roaming.rowShareByService().get("SMS"), EPS);
        assertTrue(Double.isNaN(roaming.rowShareByService().get("VOICE")));
        assertEquals(2, roaming.subscribers());
        assertEquals(2.0 / 3, roaming.subscriberShare(), EPS);
        assertEquals(Map.of("208-01", new DropReport.Share(1, 0.5), "262-02", new DropReport.Share(1, 0.5)),
                roaming.visitedPlmn());
        assertEquals(1, roaming.rowsWithCellId());

        assertEquals(new DropReport.Devices(1, 1.0 / 3, 2), r.devices());
    }

    @Test
    void dataSessionsSumTheirPartialRecordsAcrossDays() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscribers(A, B, C);
        fx.data(A, FRI + "01:00:00.000Z", 11, 1, 100, 1000, 17);
        fx.data(A, FRI + "02:00:00.000Z", 11, 2, 400, 3000, 0);
        fx.data(A, FRI + "03:00:00.000Z", 12, 1, 200, 600, 0);
        fx.data(B, FRI + "04:00:00.000Z", 11, 1, 0, 2000, 0); // B's charging_id 11 is another session
        fx.data(B, FRI + "23:00:00.000Z", 13, 1, 100, 100, 17); // one session over three dates
        fx.data(B, SAT + "00:00:00.000Z", 13, 2, 100, 300, 17);
        fx.data(B, SUN + "00:00:00.000Z", 13, 3, 50, 50, 0);
        fx.data(A, SUN + "05:00:00.000Z", 14, 1, 10, 90, 0);
        DropReport r = DropStatistics.analyze(fx.write());

        DropReport.Data d = r.data();
        assertEquals(8, d.records());
        assertEquals(5, d.sessions());
        // Session volumes: A11 4500, A12 800, B11 2000, B13 700, A14 100.
        assertSummary(d.sessionBytes(), 5, 1620, 340, 800, 3500, 4400, 4500);
        assertSummary(d.recordsPerSession(), 5, 1.6, 1, 1, 2.6, 2.96, 3);
        assertEquals(7140, d.downlinkBytes());
        assertEquals(960, d.uplinkBytes());
        assertEquals(7140.0 / 960, d.downlinkUplinkRatio(), EPS);
        assertEquals(5.5, d.medianSessionDownlinkUplinkRatio(), EPS); // of 8, 3, 1.8 and 9 (B11 has no uplink)
        assertEquals(3.0 / 8, d.partialRecordShare(), EPS);
        assertEquals(List.of("0", "17"), List.copyOf(d.causeForTerm().keySet()));
        assertEquals(new DropReport.Share(3, 3.0 / 8), d.causeForTerm().get("17"));
        assertEquals(new DropReport.Share(8, 1.0), d.apn().get("internet"));
        // Bytes per subscriber-day: A 5300, 0, 100; B 2200, 400, 100; C nothing.
        assertSummary(d.bytesPerSubscriberDay(), 9, 900, 0, 100, 2820, 5052, 5300);

        // Sessions per subscriber-day count distinct charging_ids per date: A 2, 0, 1; B 2, 1, 1; C 0, 0, 0.
        DropReport.DayCounts sessions = r.activity().perSubscriberDay().get("data_sessions");
        assertSummary(sessions.all(), 9, 7.0 / 9, 0, 1, 2, 2, 2);
        assertEquals(4.0 / 3, sessions.weekdayMean(), EPS);
        assertEquals(0.5, sessions.weekendMean(), EPS);
    }

    @Test
    void withoutSubscribersCsvThePopulationIsTheHomeImsisSeen() throws Exception {
        DropFixture fx = new DropFixture(tmp);
        fx.sms("MO", A, FRI + "10:00:00.000Z").other(X);
        fx.voice("MO", B, FRI + "11:00:00.000Z").other(X).answered(10);
        fx.voice("MO", B, FRI + "12:00:00.000Z").other(X).answered(10);
        fx.sms("MO", "208010000000009", FRI + "13:00:00.000Z").other(X); // an inbound roamer
        DropReport r = DropStatistics.analyze(fx.write());

        assertEquals(2, r.overview().subscribers());
        assertEquals("234-15", r.overview().homePlmn());
        assertTrue(r.overview().populationSource().contains("no subscribers.csv"), r.overview().populationSource());
        assertEquals(1, r.overview().servedImsisOutsidePopulation());
        assertEquals(1, r.overview().rowsOutsidePopulation());
        assertSummary(r.activity().perSubscriberDay().get("voice_mo_attempts").all(), 2, 1, 0.2, 1, 1.8, 1.98, 2);
    }

    @Test
    void shardSubscriberFilesTogetherMakeThePopulation() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscriberFile("subscribers-shard-1-of-2.csv", A)
                .subscriberFile("subscribers-shard-2-of-2.csv.gz", B, C);
        fx.sms("MO", A, FRI + "10:00:00.000Z").other(X);
        fx.sms("MO", "234159999999999", FRI + "10:00:00.000Z").other(X);
        DropReport r = DropStatistics.analyze(fx.write());

        assertEquals(3, r.overview().subscribers());
        assertEquals("2 subscribers-shard files", r.overview().populationSource());
        assertEquals(1, r.overview().servedImsisOutsidePopulation());
        assertEquals(1.0 / 3, r.activity().perSubscriberDay().get("sms_mo").all().mean(), EPS);
    }

    @Test
    void gzipFilesReadLikePlainOnes() throws Exception {
        String plain = TextReport.render(DropStatistics.analyze(sample(tmp.resolve("plain")).write()));
        String gzip = TextReport.render(DropStatistics.analyze(sample(tmp.resolve("gzip")).write(".csv.gz")));
        assertEquals(withoutFirstLine(plain), withoutFirstLine(gzip));
        assertTrue(plain.contains("VOICE MO"));
    }

    @Test
    void zstdFilesReadLikePlainOnesWhenZstdJniIsPresent() throws Exception {
        assumeTrue(DropFixture.zstdAvailable(), "zstd-jni is not on the classpath");
        String plain = TextReport.render(DropStatistics.analyze(sample(tmp.resolve("plain")).write()));
        String zstd = TextReport.render(DropStatistics.analyze(sample(tmp.resolve("zstd")).write(".csv.zst")));
        assertEquals(withoutFirstLine(plain), withoutFirstLine(zstd));
    }

    static DropFixture sample(Path root) throws Exception {
        DropFixture fx = new DropFixture(root).subscribers(A, B);
        fx.voice("MO", A, FRI + "09:00:00.000Z").onNet(B, 100).answered(60);
        fx.voice("MT", B, FRI + "09:00:00.000Z").onNet(A, 100).answered(60);
        fx.sms("MO", B, SAT + "10:00:00.000Z").other(X);
        fx.data(A, SAT + "11:00:00.000Z", 7, 1, 10, 70, 0);
        return fx;
    }

    private static String withoutFirstLine(String text) {
        return text.substring(text.indexOf('\n') + 1);
    }

    static void assertSummary(Summary s, long n, double mean, double p10, double median, double p90, double p99,
            double max) {
        assertEquals(n, s.n(), s.toString());
        assertEquals(mean, s.mean(), EPS, s.toString());
        assertEquals(p10, s.p10(), EPS, s.toString());
        assertEquals(median, s.median(), EPS, s.toString());
        assertEquals(p90, s.p90(), EPS, s.toString());
        assertEquals(p99, s.p99(), EPS, s.toString());
        assertEquals(max, s.max(), EPS, s.toString());
    }

    /**
     * Dates Sun 03-01, Mon 03-02, Tue 03-03, Sun 03-08, Sun 03-15 (weeks from Monday: 03-01 | 03-02..03-08 |
     * 03-15). A calls Y on 4 of their 5 dates (a daily tie) and X on three Sundays in three weeks (a weekly
     * tie); B calls W in three weeks but on Sunday, Monday and Sunday (not weekly), and Z twice; C calls once.
     */
    @Test
    void rhythmCountsDailyTiesAndNumbersCalledOnOneWeekday() throws Exception {
        DropFixture fx = new DropFixture(tmp).subscribers(A, B, C);
        for (String date : List.of("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-08")) {
            fx.voice("MO", A, date + "T18:00:00.000Z").other(Y).answered(60);
        }
        for (String date : List.of("2026-03-01", "2026-03-08", "2026-03-15")) {
            fx.voice("MO", A, date + "T11:00:00.000Z").other(X).answered(600);
        }
        for (String date : List.of("2026-03-01", "2026-03-02", "2026-03-15")) {
            fx.voice("MO", B, date + "T12:00:00.000Z").other(W).answered(60);
        }
        fx.voice("MO", B, "2026-03-02T13:00:00.000Z").other(Z).answered(60);
        fx.voice("MO", B, "2026-03-08T13:00:00.000Z").other(Z).answered(60);
        fx.voice("MT", B, "2026-03-03T13:00:00.000Z").other(Z).answered(60);
        fx.voice("MO", C, "2026-03-01T13:00:00.000Z").other(X).answered(60);
        DropReport.Rhythm r = DropStatistics.analyze(fx.write()).rhythm();
        assertEquals(new DropReport.Rhythm(2, 0.5, 0.5, 2, 0.5), r);
    }
}
