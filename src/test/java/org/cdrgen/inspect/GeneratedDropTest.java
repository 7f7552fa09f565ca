package org.cdrgen.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.cdrgen.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The report over a drop that cdrgen itself writes: it runs and its values are sane. */
class GeneratedDropTest {
    @TempDir
    Path tmp;

    @Test
    void reportsOnARealDrop() {
        Path dir = tmp.resolve("drop");
        assertEquals(0, Main.execute("--subscribers", "300", "--days", "2", "--seed", "7", "--start-date",
                "2026-03-02", "--output-dir", dir.toString()));
        DropReport r = DropStatistics.analyze(dir);

        // The population is the SIMs (IMSIs) of subscribers.csv: one per line with a holder, and a second for
        // the odd SIM change.
        org.cdrgen.testing.Drops.Csv subscribers = org.cdrgen.testing.Drops.readCsv(dir.resolve("subscribers.csv"));
        long sims = subscribers.records().stream().map(s -> s.get(subscribers.column("served_imsi"))).distinct().count();
        assertEquals(sims, r.overview().subscribers());
        assertTrue(sims > 250 && sims <= 310, "SIMs: " + sims);
        assertEquals(2, r.overview().dates());
        assertEquals(0, r.overview().servedImsisOutsidePopulation());
        assertEquals(0, r.overview().rowsOffPartitionDate(), "the default profile is UTC");
        assertEquals(r.overview().rows(), r.rows().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(r.activity().perSubscriberDay().get("voice_mo_attempts").all().mean() > 0);
        assertTrue(r.activity().perSubscriberDay().get("sms_mo").all().mean() > 0);
        assertTrue(r.activity().perSubscriberDay().get("data_sessions").all().mean() > 0);
        for (String service : DropReport.SERVICES) {
            double sum = 0;
            for (double share : r.hourlyShareUtc().get(service)) {
                sum += share;
            }
            assertEquals(1.0, sum, 1e-9, service);
        }
        double dispositions = r.voice().disposition().values().stream().mapToDouble(DropReport.Share::share).sum();
        assertEquals(1.0, dispositions, 1e-9);
        assertTrue(r.voice().answeredDuration().median() > 0);
        for (String service : new String[] {"VOICE", "SMS"}) {
            DropReport.OnNet onNet = r.onNet().get(service);
            assertTrue(onNet.onNetReferences() > 0, service);
            // Every on-net MO row has its MT row but those to a number without a holder that day (unallocated)
            // or to a phone that is off (days away; a partner called daily is called then too): 95.0% of 597 here.
            assertTrue(onNet.matchedShare() > 0.93 && onNet.matchedShare() <= 1.0,
                    service + ": on-net MO rows with their MT row: " + onNet.matchedShare());
            assertEquals(1.0, onNet.consistentShare(), service + ": MO and MT rows agree");
        }
        assertTrue(r.data().downlinkUplinkRatio() > 1);
        // Mobility from cells.csv's sites: every placed subscriber has a radius, and itineraries do not teleport.
        assertTrue(r.mobility().radiusOfGyrationKm().n() > 250 && r.mobility().radiusOfGyrationKm().median() > 0,
                r.mobility().toString());
        assertTrue(r.mobility().siteChanges() > 300 && r.mobility().fastChangeShare() < 0.005, r.mobility().toString());
        assertTrue(r.cells().topCellShare() > 0 && r.cells().topCellShare() <= 1);
        assertTrue(r.contacts().get("voice_sms").perSubscriber().mean() > 0);
        assertTrue(TextReport.render(r).contains("Rows by event type and direction"));
        assertTrue(JsonReport.render(r).startsWith("{"));

        // Through cdrgen itself: "cdrgen stats DIR" prints the report; a missing DIR is one line and exit 2.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cdrgen = Main.commandLine();
        cdrgen.setOut(new PrintWriter(out));
        cdrgen.setErr(new PrintWriter(err));
        assertEquals(0, cdrgen.execute("stats", dir.toString()));
        assertTrue(out.toString().startsWith("cdrgen stats: " + dir), out.toString());
        assertEquals(2, cdrgen.execute("stats", tmp.resolve("absent").toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(tmp.resolve("absent") + " does not exist"), err.toString());
    }
}
