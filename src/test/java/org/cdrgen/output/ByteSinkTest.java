package org.cdrgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** ByteSink's own number and timestamp formatting against the JDK's. */
class ByteSinkTest {
    /** Instant.toString() drops ".000", so compare against a fixed pattern: always three decimals. */
    static final DateTimeFormatter ISO_MS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    static final long YEAR_9999_END = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    static String text(ByteSink sink) {
        return new String(sink.array(), 0, sink.size(), StandardCharsets.US_ASCII);
    }

    static List<Long> interestingLongs() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 11L, 99L, 100L, 101L, 999L, 1000L,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, -9L, -10L, -99L, -100L,
                (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, 0xFFFF_FFFFL));
        long p = 1;
        for (int k = 1; k <= 18; k++) {
            p *= 10;
            values.addAll(List.of(p - 1, p, p + 1, -p + 1, -p, -p - 1));
        }
        return values;
    }

    /**
     * The long path of the number writer, {@link Ascii#putDigits}, is kept over C2's FreqInlineSize (325
     * bytecodes) so that it is compiled once, not copied into each call site: that copying cost a quarter of
     * a short run's JIT time (bench/RESULTS.md). Only the one- and two-digit path ({@link Ascii#putLong}) is
     * inlined. A "tidier" putDigits under the limit would still be correct, so this guards the size itself.
     */
    @Test
    void putDigitsStaysTooBigToInline() throws Exception {
        Optional<ToolProvider> javap = ToolProvider.findFirst("javap");
        assumeTrue(javap.isPresent(), "javap is not in this JDK");
        Path classes = Path.of(ByteSink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int status = javap.get().run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-cp",
                classes.toString(), Ascii.class.getName());
        assertEquals(0, status, "javap");
        String code = out.toString();
        int start = code.indexOf("static int putDigits(byte[], int, long);");
        assertTrue(start >= 0, "putDigits(byte[], int, long) in javap's output");
        int end = code.indexOf("\n\n", start);
        String method = code.substring(start, end < 0 ? code.length() : end);
        Matcher offsets = Pattern.compile("(?m)^\\s+(\\d+): ").matcher(method);
        int last = -1;
        while (offsets.find()) {
            last = Integer.parseInt(offsets.group(1));
        }
        assertTrue(last > 325, "putDigits is " + last + "+ bytecodes, no longer over C2's inlining limit of 325");
    }

    @Test
    void putLongMatchesLongToString() {
        ByteSink sink = new ByteSink(4);
        for (long v : interestingLongs()) {
            sink.reset();
            sink.putLong(v);
            assertEquals(Long.toString(v), text(sink), "putLong(" + v + ")");
        }
        SplittableRandom random = new SplittableRandom(20260302);
        for (int i = 0; i < 200_000; i++) {
            // Mix all magnitudes: a full-range long mostly has 19 digits.
            long v = random.nextLong() >> random.nextInt(64);
            sink.reset();
            sink.putLong(v);
            assertEquals(Long.toString(v), text(sink), "putLong(" + v + ")");
        }
    }

    @Test
    void putIdMatchesLongToStringWhetherItsKeyIsCachedOrNot() {
        ByteSink sink = new ByteSink(4);
        StringBuilder expected = new StringBuilder();
        SplittableRandom random = new SplittableRandom(7);
        List<Long> values = new ArrayList<>(interestingLongs());
        for (int i = 0; i < 2000; i++) {
            long key = random.nextLong(1, 9_000_000_000_000L);
            // runs of the same key, as the rows of one subscriber-day have
            for (int n = 0; n < 1 + random.nextInt(5); n++) {
                values.add(key * 1_000_000 + random.nextInt(1_000_000));
            }
            values.add(random.nextLong(0, 1_000_000));
        }
        for (long v : values) {
            sink.putId(v).put((byte) ',');
            expected.append(v).append(',');
        }
        assertEquals(expected.toString(), new String(sink.array(), 0, sink.size(), StandardCharsets.US_ASCII));
    }

    @Test
    void putLongAppendsToWhatIsThere() {
        ByteSink sink = new ByteSink(1);
        StringBuilder expected = new StringBuilder();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            sink.putLong(v).put((byte) ',');
            expected.append(v).append(',');
        }
        assertEquals(expected.toString(), text(sink));
    }

    /** The word-store copies of short arrays: every length, at every alignment, and nothing outside the copy. */
    @Test
    void asciiCopyWritesExactlyTheSourceAtAnyLength() {
        for (int n = 0; n <= 40; n++) {
            byte[] src = new byte[n];
            for (int i = 0; i < n; i++) {
                src[i] = (byte) ('a' + i % 26);
            }
            for (int at = 0; at < 9; at++) {
                byte[] whole = new byte[64];
                java.util.Arrays.fill(whole, (byte) '#');
                assertEquals(at + n, Ascii.copy(src, whole, at), "end of a copy of " + n + " at " + at);
                byte[] prefix = new byte[64];
                java.util.Arrays.fill(prefix, (byte) '#');
                byte[] padded = java.util.Arrays.copyOf(src, n + 5);
                assertEquals(at + n, Ascii.copy(padded, n, prefix, at), "end of a prefix copy of " + n + " at " + at);
                for (byte[] out : List.of(whole, prefix)) {
                    for (int i = 0; i < out.length; i++) {
                        byte want = i >= at && i < at + n ? src[i - at] : (byte) '#';
                        assertEquals(want, out[i], "byte " + i + " after a copy of " + n + " at " + at);
                    }
                }
            }
        }
    }

    /** putDate is LocalDate's toString, across every day of years 0-10000 and beyond them. */
    @Test
    void putDateMatchesLocalDate() {
        ByteSink sink = new ByteSink(4);
        long first = java.time.LocalDate.of(-2, 1, 1).toEpochDay();
        long last = java.time.LocalDate.of(10_001, 12, 31).toEpochDay();
        for (long day = first; day <= last; day++) {
            sink.reset();
            sink.putDate(day);
            assertEquals(java.time.LocalDate.ofEpochDay(day).toString(), text(sink), "putDate(" + day + ")");
        }
    }

    @Test
    void putTimestampMatchesIsoWithMilliseconds() {
        ByteSink sink = new ByteSink(8);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 99L, 100L, 999L, 1000L, 59_999L, 60_000L,
                3_599_999L, 3_600_000L, 86_399_999L, 86_400_000L, -1L, -86_400_000L, -86_400_001L, YEAR_0000,
                YEAR_9999_END, Instant.parse("2026-03-02T00:00:00Z").toEpochMilli(),
                Instant.parse("2028-02-29T23:59:59.999Z").toEpochMilli(),
                Instant.parse("2199-12-31T23:59:59.999Z").toEpochMilli()));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            values.add(random.nextLong(YEAR_0000, YEAR_9999_END + 1));
        }
        long base = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            // Runs of nearby instants, as in a chunk, exercise the cached day prefix and day changes.
            values.add(base + random.nextLong(3 * 86_400_000L));
        }
        for (long ms : values) {
            sink.reset();
            sink.putTimestamp(ms);
            assertEquals(ISO_MS.format(Instant.ofEpochMilli(ms)), text(sink), "putTimestamp(" + ms + ")");
        }
    }

    @Test
    void putTimestampAppendsToWhatIsThere() {
        ByteSink sink = new ByteSink(1);
        StringBuilder expected = new StringBuilder();
        SplittableRandom random = new SplittableRandom(3);
        long base = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 5_000; i++) {
            long ms = base + random.nextLong(5 * 86_400_000L);
            sink.putTimestamp(ms).put((byte) ',');
            expected.append(ISO_MS.format(Instant.ofEpochMilli(ms))).append(',');
        }
        assertEquals(expected.toString(), text(sink));
    }

    @Test
    void putFixedWritesPlainDecimals() {
        ByteSink sink = new ByteSink(8);
        double[] values = {0, 51.5074, -0.1278, -0.0000001, 180, -180, 12.3456785, 1e-7, 89.999999};
        for (double v : values) {
            sink.reset();
            sink.putFixed(v, 6);
            assertEquals(new java.math.BigDecimal(Math.round(v * 1e6)).movePointLeft(6).toPlainString(),
                    text(sink), "putFixed(" + v + ", 6)");
        }
    }
}
