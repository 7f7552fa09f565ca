package org.cdrgen.output;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.cdrgen.model.CallDisposition;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SmsStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One event row formatted as a CSV line into a reused {@link ByteSink} (reset per op), per event type. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RowFormatBenchmark {
    @Param({"VOICE", "SMS", "DATA"})
    public EventType type;

    private final EventRow row = new EventRow();
    private final ByteSink sink = new ByteSink(1 << 12);

    @Setup
    public void fill() {
        fill(row, type);
    }

    /** A row like the generator's (values taken from a real run: same digit counts and texts). */
    static void fill(EventRow r, EventType type) {
        r.clear();
        r.recordId = (20_514L * 100_000 + 4_242) * 1_000_000 + 17; // subscriber-day key, then the row number
        r.eventType = type;
        r.direction = Direction.MO;
        long start = 1_772_440_000_000L + 12_345_678L; // 2026-03-02, mid-morning UTC
        r.startMs = start;
        r.servedImsi = ascii("234159376534558");
        r.servedMsisdn = ascii("447147619061");
        r.servedImei = ascii("353911107559412");
        r.mcc = ascii("234");
        r.mnc = ascii("15");
        r.tac = 1;
        r.cellId = 1_282;
        r.ratType = RatType.EUTRAN;
        r.recordingEntity = ascii("MSC004");
        switch (type) {
            case VOICE:
                r.callReference = 9_123_456_789_012L;
                r.answerMs = start + 6_345;
                r.durationS = 83;
                r.endMs = r.answerMs + 83_000;
                r.otherPartyMsisdn = 447_298_765_432L;
                r.otherPartyOnNet = true;
                r.causeForTerm = 0;
                r.disposition = CallDisposition.ANSWERED;
                r.releaseCause = 16;
                break;
            case SMS:
                r.callReference = 9_123_456_789_013L;
                r.otherPartyMsisdn = 447_298_765_432L;
                r.causeForTerm = 0;
                r.smsStatus = SmsStatus.DELIVERED;
                r.smsSegments = 1;
                break;
            default:
                r.durationS = 3_600;
                r.endMs = start + 3_600_000;
                r.causeForTerm = 17;
                r.apn = ascii("internet");
                r.bytesUplink = 33_288;
                r.bytesDownlink = 555_758;
                r.chargingId = 3_928_059_128L;
                r.recordSequenceNumber = 1;
                r.recordingEntity = ascii("PGW03");
                break;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public int format() {
        sink.reset();
        EventRowFormatter.format(row, sink);
        return sink.size();
    }
}
