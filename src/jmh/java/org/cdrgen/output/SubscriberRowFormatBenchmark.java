package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.cdrgen.model.Plan;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.model.VersionChange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One subscribers.csv row ({@link DimensionRowFormatter#subscriber}) into a reused {@link ByteSink} (reset
 * per op): a run's first day writes one per line, a million at 1,000,000 subscribers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SubscriberRowFormatBenchmark {
    private final SubscriberRow row = new SubscriberRow();
    private final ByteSink sink = new ByteSink(1 << 10);

    /** A line with work and home cells, still open at the run's end (most rows), values from a real run. */
    @Setup
    public void fill() {
        row.subscriberId = 4_242;
        row.holder = 1;
        row.validFromEpochDay = 19_876;
        row.validToEpochDay = -1;
        row.changeReason = VersionChange.ACTIVATION;
        row.endReason = null;
        row.servedImsi = ascii("234159376534558");
        row.servedMsisdn = ascii("447147619061");
        row.servedImei = ascii("353911107559412");
        row.plan = Plan.POSTPAID;
        row.activationEpochDay = 17_321;
        row.homeCellId = 1_282;
        row.workCellId = 20_571;
        row.deviceRat = RatType.NR;
        row.homeRat = RatType.EUTRAN;
        row.homeTac = 12;
        row.workRat = RatType.NR;
        row.workTac = 31;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public int format() {
        sink.reset();
        DimensionRowFormatter.subscriber(row, sink);
        return sink.size();
    }
}
