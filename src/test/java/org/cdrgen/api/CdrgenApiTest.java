package org.cdrgen.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.cdrgen.cli.Main;
import org.cdrgen.config.ConfigException;
import org.cdrgen.generate.DayRows;
import org.cdrgen.generate.DayTransform;
import org.cdrgen.model.EventRow;
import org.cdrgen.model.EventType;
import org.cdrgen.model.SubscriberRow;
import org.cdrgen.output.ChunkBuffer;
import org.cdrgen.output.CsvRowSink;
import org.cdrgen.sink.RowSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library API: rows without a directory, any chunk alone, a whole drop as the CLI writes it, scenarios. */
class CdrgenApiTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path tmp;

    private static CdrgenBuilder small() {
        return Cdrgen.builder().seed(20260302).subscribers(1500).startDate(MONDAY).days(2);
    }

    /** What a JUnit test wants: some calls of one subscriber, without touching a directory. */
    @Test
    void fiftyCallsOfOneSubscriberWithoutADirectory() {
        Cdrgen cdrgen = Cdrgen.builder().seed(7).subscribers(200).startDate(MONDAY).days(30).build();
        List<EventRow> calls = new ArrayList<>();
        // The first subscriber who makes 50 calls within the 30 days (activity is heavy-tailed).
        for (int subscriber = 0; subscriber < 200 && calls.size() < 50; subscriber++) {
            calls.clear();
            for (int d = 0; d < 30 && calls.size() < 50; d++) {
                for (EventRow row : cdrgen.events(subscriber, MONDAY.plusDays(d))) {
                    if (row.eventType == EventType.VOICE && row.direction == org.cdrgen.model.Direction.MO
                            && calls.size() < 50) {
                        calls.add(row);
                    }
                }
            }
        }
        assertEquals(50, calls.size());
        byte[] imsi = calls.get(0).servedImsi;
        assertTrue(calls.stream().allMatch(c -> java.util.Arrays.equals(c.servedImsi, imsi)),
                "the MO calls are the subscriber's own");
        assertEquals(calls.stream().map(c -> c.recordId).distinct().count(), 50, "rows are copies, not one reused object");
    }

    /** Every chunk generated alone, in plan order, gives the bytes of the CLI's event files. */
    @Test
    void chunksGeneratedAloneAreTheBytesOfTheDrop() throws IOException {
        Path drop = tmp.resolve("cli");
        assertEquals(0, Main.execute("--subscribers", "1500", "--days", "2", "--seed", "20260302", "--start-date",
                "2026-03-02", "--quiet", "--output-dir", drop.toString()));
        Cdrgen cdrgen = small().build();
        for (int day = 0; day < 2; day++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Path part = drop.resolve("events/date=" + MONDAY.plusDays(day) + "/part-00000.csv");
            List<String> lines = Files.readAllLines(part);
            lines.subList(1, lines.size()).forEach(l -> expected.writeBytes((l + "\n").getBytes()));
            LocalDate date = MONDAY.plusDays(day);
            List<Cdrgen.Chunk> chunks = cdrgen.chunks().stream().filter(c -> c.date().equals(date)).toList();
            // Generated backwards, on a fresh instance each: no chunk depends on one generated before it.
            byte[][] pieces = new byte[chunks.size()][];
            for (int i = chunks.size() - 1; i >= 0; i--) {
                ChunkBuffer buffer = new ChunkBuffer(chunks.get(i).subscriberCount());
                small().build().generate(chunks.get(i), new CsvRowSink(buffer));
                pieces[i] = java.util.Arrays.copyOf(buffer.events().array(), buffer.events().size());
            }
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            for (byte[] piece : pieces) {
                actual.writeBytes(piece);
            }
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "day " + day);
        }
    }

    @Test
    void writeDropWritesWhatTheCliWrites() throws Exception {
        Path cli = tmp.resolve("cli");
        assertEquals(0, Main.execute("--subscribers", "700", "--days", "1", "--seed", "5", "--start-date",
                "2026-03-02", "--quiet", "--compress", "gzip", "--output-dir", cli.toString()));
        Path api = tmp.resolve("api");
        Cdrgen.builder().seed(5).subscribers(700).startDate(MONDAY)
                .compression(org.cdrgen.drop.Compression.GZIP).build().writeDrop(api, false);
        assertEquals(contents(cli), contents(api));
    }

    @Test
    void aShippedProfileByNameIsTheConfigFile() {
        Cdrgen byName = small().profile("sms-era-2010").build();
        Cdrgen byFile = small().profileFile(Path.of("config/sms-era-2010.yaml")).build();
        Cdrgen byText = small().profileYaml("voice:\n  mo_calls_per_day: 0.5\n").build();
        Cdrgen plain = small().build();
        assertEquals(rows(byFile, 1), rows(byName, 1));
        assertFalse(rows(plain, 1).equals(rows(byName, 1)), "the 2010 profile changes the rows");
        assertFalse(rows(plain, 1).equals(rows(byText, 1)), "YAML text changes the rows");
    }

    @Test
    void subscriberRowsComeWithTheFirstDay() {
        Cdrgen cdrgen = small().build();
        List<Integer> ids = new ArrayList<>();
        RowSink sink = new RowSink() {
            @Override
            public void subscriber(SubscriberRow row) {
                ids.add(row.subscriberId);
            }
        };
        cdrgen.generate(cdrgen.chunk(1), sink);
        // The versions of the block's lines valid in the run's days, in line order: most lines have a holder.
        Cdrgen.Chunk chunk = cdrgen.chunk(1);
        assertTrue(ids.size() > 0.8 * chunk.subscriberCount(), "rows: " + ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(ids.get(i) >= chunk.firstSubscriber() && ids.get(i) < chunk.firstSubscriber() + chunk.subscriberCount()
                    && (i == 0 || ids.get(i) >= ids.get(i - 1)), "line " + ids.get(i) + " in " + chunk);
        }
        ids.clear();
        cdrgen.generate(cdrgen.chunk(cdrgen.chunkCount() - 1), sink);
        assertEquals(List.of(), ids, "not again on later days");
    }

    /** A scenario sees a subscriber-day's rows; a run without one is the plain model, byte for byte. */
    @Test
    void aDayTransformChangesOnlyWhatItChanges() {
        DayTransform dropSms = new DayTransform() {
            @Override
            public String name() {
                return "no-sms";
            }

            @Override
            public void apply(DayRows rows, UniformRandomProvider random) {
                random.nextLong(); // its own stream: drawing here moves nothing else
                rows.keepIf(r -> r.eventType != EventType.SMS);
            }
        };
        List<String> plain = rows(small().build(), 3);
        List<String> noSms = rows(small().transform(dropSms).build(), 3);
        assertTrue(plain.stream().anyMatch(r -> r.contains("SMS")));
        assertEquals(plain.stream().filter(r -> !r.contains(",SMS,")).map(CdrgenApiTest::withoutRecordId).toList(),
                noSms.stream().map(CdrgenApiTest::withoutRecordId).toList());
    }

    @Test
    void badSettingsNameTheValueAndItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small().days(0).build());
        assertEquals("days = 0 is out of range 1..3660", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cdrgen.builder().subscribers(10).build());
        assertTrue(e.getMessage().contains("seed, subscribers and startDate"), e.getMessage());
        assertThrows(ConfigException.class, () -> small().profile("no-such-profile").build());
        assertThrows(ConfigException.class, () -> small().profileYaml("voice:\n  duration_sigma: 9\n").build());
        e = assertThrows(IllegalArgumentException.class,
                () -> small().compression(org.cdrgen.drop.Compression.ZSTD).compressionLevel(20).build());
        assertEquals("compression level 20 is not one of zstd's levels, -7 to 19", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> small().compressionLevel(3).build());
        assertTrue(e.getMessage().contains("--compress gzip or zstd"), e.getMessage());
        assertEquals(6, small().compression(org.cdrgen.drop.Compression.GZIP).compressionLevel(6)
                .checksum(org.cdrgen.drop.FileChecksum.CRC32).build().settings().compressionLevel());
        Cdrgen cdrgen = small().build();
        assertEquals(org.cdrgen.drop.FileChecksum.SHA256, cdrgen.settings().checksum());
        assertThrows(IllegalArgumentException.class, () -> cdrgen.events(1500, MONDAY));
        assertThrows(IllegalArgumentException.class, () -> cdrgen.events(0, MONDAY.minusDays(1)));
    }

    /** The CSV lines of one chunk, for comparing runs. */
    private static List<String> rows(Cdrgen cdrgen, int chunk) {
        ChunkBuffer buffer = new ChunkBuffer(1000);
        cdrgen.generate(cdrgen.chunk(chunk), new CsvRowSink(buffer));
        return new String(buffer.events().array(), 0, buffer.events().size()).lines().toList();
    }

    private static String withoutRecordId(String csv) {
        return csv.substring(csv.indexOf(','));
    }

    private static List<String> contents(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted()
                    .map(p -> dir.relativize(p) + " " + org.cdrgen.Sha256.hex(read(p))).toList();
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
