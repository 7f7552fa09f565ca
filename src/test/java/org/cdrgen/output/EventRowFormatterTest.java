package org.cdrgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cdrgen.model.CallDisposition;
import org.cdrgen.model.Direction;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.RatType;
import org.cdrgen.model.SmsStatus;
import org.junit.jupiter.api.Test;

/** A formatted row, parsed back with Commons CSV, holds the EventRow's values field by field. */
class EventRowFormatterTest {
    static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final long DAY = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String ts(long ms) {
        return ms < 0 ? "" : ISO_MS.format(Instant.ofEpochMilli(ms));
    }

    static String opt(long v) {
        return v < 0 ? "" : Long.toString(v);
    }

    static String str(byte[] v) {
        return v == null ? "" : new String(v, StandardCharsets.UTF_8);
    }

    /** The values the schema says a row should show, computed here without the formatter. */
    static List<String> expected(EventRow r) {
        boolean voice = r.eventType == EventType.VOICE;
        boolean sms = r.eventType == EventType.SMS;
        boolean data = r.eventType == EventType.DATA;
        return List.of(
                Long.toString(r.recordId), r.eventType.name(), r.direction.name(), opt(r.callReference),
                ts(r.startMs), ts(r.answerMs), ts(r.endMs), Integer.toString(r.durationS),
                str(r.servedImsi), str(r.servedMsisdn), str(r.servedImei),
                data ? "" : Long.toString(r.otherPartyMsisdn), data ? "" : Boolean.toString(r.otherPartyOnNet),
                str(r.mcc), str(r.mnc), opt(r.tac), opt(r.cellId), r.ratType.name(),
                Integer.toString(r.causeForTerm),
                voice ? r.disposition.name() : "", voice ? Integer.toString(r.releaseCause) : "",
                sms ? r.smsStatus.name() : "", sms ? Integer.toString(r.smsSegments) : "",
                data ? str(r.apn) : "", data ? Long.toString(r.bytesUplink) : "",
                data ? Long.toString(r.bytesDownlink) : "", data ? Long.toString(r.chargingId) : "",
                data ? Integer.toString(r.recordSequenceNumber) : "",
                Boolean.toString(r.roaming), str(r.visitedPlmn), str(r.recordingEntity));
    }

    static EventRow common(EventType type, Direction direction, SplittableRandom rnd) {
        EventRow r = new EventRow();
        r.clear();
        r.recordId = rnd.nextLong(0, Long.MAX_VALUE);
        r.eventType = type;
        r.direction = direction;
        r.startMs = DAY + rnd.nextLong(86_400_000L);
        r.servedImsi = b("23415" + String.format("%010d", rnd.nextLong(10_000_000_000L)));
        r.servedMsisdn = b("447" + String.format("%09d", rnd.nextLong(1_000_000_000L)));
        r.servedImei = b("35325811" + String.format("%06d", rnd.nextInt(1_000_000)) + rnd.nextInt(10));
        r.ratType = RatType.values()[rnd.nextInt(4)];
        if (rnd.nextInt(10) == 0) {
            r.roaming = true;
            r.mcc = b("208");
            r.mnc = b("01");
            r.visitedPlmn = b("208-01");
            r.recordingEntity = b(type == EventType.DATA ? "PGW01" : "VMSC-208-01");
        } else {
            r.mcc = b("234");
            r.mnc = b("15");
            r.tac = 1 + rnd.nextInt(65_533);
            r.cellId = rnd.nextLong(1L << 36);
            r.recordingEntity = b(type == EventType.DATA ? "PGW0" + (1 + rnd.nextInt(4)) : "MSC001");
        }
        if (type != EventType.DATA) {
            r.callReference = rnd.nextLong(0, Long.MAX_VALUE);
            r.otherPartyMsisdn = 447_000_000_000L + rnd.nextLong(1_000_000_000L);
            r.otherPartyOnNet = rnd.nextBoolean();
        }
        return r;
    }

    static List<EventRow> rows() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            EventRow r;
            switch (i % 3) {
                case 0 -> {
                    r = common(EventType.VOICE, rnd.nextBoolean() ? Direction.MO : Direction.MT, rnd);
                    r.disposition = CallDisposition.values()[rnd.nextInt(4)];
                    if (r.disposition == CallDisposition.ANSWERED) {
                        r.answerMs = r.startMs + 8_000;
                        r.durationS = rnd.nextInt(3600);
                        r.endMs = r.answerMs + r.durationS * 1000L;
                        r.releaseCause = 16;
                        r.causeForTerm = 0;
                    } else {
                        r.endMs = r.startMs + rnd.nextInt(45_000);
                        r.releaseCause = 17;
                        r.causeForTerm = 3;
                    }
                }
                case 1 -> {
                    r = common(EventType.SMS, rnd.nextBoolean() ? Direction.MO : Direction.MT, rnd);
                    r.smsStatus = SmsStatus.values()[rnd.nextInt(3)];
                    r.smsSegments = 1 + rnd.nextInt(4);
                    r.causeForTerm = r.smsStatus == SmsStatus.DELIVERED ? 0 : 3;
                    if (r.smsStatus == SmsStatus.DELIVERED) {
                        r.endMs = r.startMs + rnd.nextInt(10_000);
                    }
                }
                default -> {
                    r = common(EventType.DATA, Direction.MO, rnd);
                    r.durationS = rnd.nextInt(3600);
                    r.endMs = r.startMs + r.durationS * 1000L;
                    r.apn = CsvText.encode(rnd.nextBoolean() ? "internet" : "ims");
                    r.bytesUplink = rnd.nextLong(1L << 40);
                    r.bytesDownlink = rnd.nextLong(1L << 40);
                    r.chargingId = rnd.nextLong(1L << 32);
                    r.recordSequenceNumber = 1 + rnd.nextInt(5);
                    r.causeForTerm = new int[] {0, 16, 17}[rnd.nextInt(3)];
                }
            }
            rows.add(r);
        }
        // Edges: zero values and the empty-looking extremes.
        EventRow zero = common(EventType.DATA, Direction.MO, new SplittableRandom(1));
        zero.recordId = 0;
        zero.startMs = DAY;
        zero.endMs = DAY;
        zero.durationS = 0;
        zero.apn = CsvText.encode("internet");
        zero.bytesUplink = 0;
        zero.bytesDownlink = 0;
        zero.chargingId = 0;
        zero.recordSequenceNumber = 1;
        zero.causeForTerm = 0;
        rows.add(zero);
        return rows;
    }

    @Test
    void formattedRowsParseBackToTheirValues() throws IOException {
        List<EventRow> rows = rows();
        ByteSink sink = new ByteSink(64);
        for (EventRow r : rows) {
            EventRowFormatter.format(r, sink);
        }
        String text = new String(sink.array(), 0, sink.size(), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(rows.size(), records.size(), "one line per row");
            for (int i = 0; i < rows.size(); i++) {
                List<String> expected = expected(rows.get(i));
                List<String> actual = records.get(i).toList();
                assertEquals(EventSchema.COLUMNS.size(), actual.size(), "fields of row " + i);
                for (int c = 0; c < expected.size(); c++) {
                    assertEquals(expected.get(c), actual.get(c), "row " + i + ", " + EventSchema.COLUMNS.get(c)
                            + "\n  line: " + String.join(",", actual));
                }
            }
        }
    }

    @Test
    void eachRowIsOneLineEndingInNewline() {
        ByteSink sink = new ByteSink(64);
        for (EventRow r : rows()) {
            sink.reset();
            EventRowFormatter.format(r, sink);
            String line = new String(sink.array(), 0, sink.size(), StandardCharsets.UTF_8);
            assertEquals(line.length() - 1, line.indexOf('\n'), line);
            assertEquals(-1, line.indexOf('\r'), line);
        }
    }
}
