package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cdrgen.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden checksums of a reference set of drops (as trinodb/tpch keeps per part): one digest per drop, over
 * the SHA-256 and path of every file, manifest included: any change to a written byte, for any of these
 * options, fails here. A deliberate change of the output records new digests here, with the reason in the
 * commit. History: recorded with 9169ed7 and unchanged through the hardening and the library redesign (up
 * to 756c139); recorded again for the identities of "One world across runs" (keyed MSISDN/MSIN permutation,
 * mobile ranges only, six kinds of other party, IMEIs unique on every day), then for schema 2's cell keys
 * in subscribers.csv and for calls and data sessions that continue past midnight, then for activation
 * dates on the calendar (population.base_complete_date) instead of before --start-date, then for the living
 * base (holders who churn, SIM changes, recycled numbers) and schema 3's subscribers history, then for radios
 * that obey the phone (no RAT above its best) and data volumes and speeds by RAT and APN, then for roamers
 * living by the visited clock, then for one call at a time, then for habits (moods, days away), then for
 * itineraries (every row placed where the subscriber is at its time). Issue 16 recorded the
 * gzip and zstd drops again (only those: every plain drop is unchanged): compressed files are now 2 MiB blocks,
 * each its own gzip member or zstd frame (with a content checksum), compressed in parallel, at level 1 by default,
 * and their manifest.json records compression_level; the crc32 drop (--checksum crc32) was added then.
 */
class GoldenDropsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "default, 1 thread    | --subscribers 1500 --days 2 --threads 1 --max-file-size 64KiB | 1b3db8cc8e6f5f822a6d29d18bdde8ef3def82d9d9c3fb44f469a85396c438fc",
        "default, 2 threads   | --subscribers 1500 --days 2 --threads 2 --max-file-size 64KiB | 1b3db8cc8e6f5f822a6d29d18bdde8ef3def82d9d9c3fb44f469a85396c438fc",
        "default, 7 threads   | --subscribers 1500 --days 2 --threads 7 --max-file-size 64KiB | 1b3db8cc8e6f5f822a6d29d18bdde8ef3def82d9d9c3fb44f469a85396c438fc",
        "2010 profile         | --subscribers 1500 --days 2 --config config/sms-era-2010.yaml | d36a0e009fa791ac25d762ff405c9f62a2e1ef64e9117deaea709e3bbfec5e65",
        "gzip                 | --subscribers 700 --days 1 --compress gzip                    | 45a880117b31c47115de77d37f6a980896fa269cc2a893fce9f1808f156ace89",
        "zstd                 | --subscribers 700 --days 1 --compress zstd                    | ee2d19fb143dca0348b09dc19b3afed622506dbf5fec2321fc2793573c84408a",
        "shard 2 of 3         | --subscribers 1500 --days 1 --shard 2/3                       | 3818f728a824ed411cb8179720b609c100c48a08d1153421b9b4a1531e0a9f9a",
        "crc32 checksums      | --subscribers 700 --days 1 --checksum crc32                   | 1b56f5c8eb2b4db71674a217e5038ba00e17ec67a4c0964f6b867dc5158ea1a1"})
    void theBytesOfEveryReferenceDropAreUnchanged(String name, String options, String digest) throws IOException {
        Path dir = tmp.resolve("drop");
        List<String> args = new ArrayList<>(List.of("--seed", "20260302", "--start-date", "2026-03-02", "--quiet",
                "--output-dir", dir.toString()));
        args.addAll(List.of(options.trim().split(" +")));
        assertEquals(0, Main.execute(args.toArray(String[]::new)), name);
        assertEquals(digest, dropDigest(dir), name + ": the bytes of the drop changed");
    }

    /** SHA-256 over "sha256  path\n" of every file, sorted by path: what `sha256sum` of the sorted files gives. */
    static String dropDigest(Path dir) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        MessageDigest all = Sha256.newDigest();
        for (String file : files) {
            String line = Sha256.hex(Files.readAllBytes(dir.resolve(file))) + "  " + file + "\n";
            all.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Sha256.hex(all);
    }
}
