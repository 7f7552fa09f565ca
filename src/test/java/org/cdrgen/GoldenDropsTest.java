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
 * itineraries (every row placed where the subscriber is at its time), then for the profile key population.household_sizes (the manifest records the profile checksum; rows unchanged), then for the country (sites and homes on a UK-like map, 20,000 sites, ranked places, long trips), then for handovers (a data record closes where its serving site changes: causes 18 and 22), then for no DTM (2G data waits for, or ends at, the subscriber's 2G call), then for the merged graph and formatter, the site raster and handovers found square by square. Issue 16 recorded the
 * gzip and zstd drops again (only those: every plain drop is unchanged): compressed files are now 2 MiB blocks,
 * each its own gzip member or zstd frame (with a content checksum), compressed in parallel, at level 1 by default,
 * and their manifest.json records compression_level; the crc32 drop (--checksum crc32) was added then.
 * Recorded again for the social graph of overlapping communities (issue 14: households, neighbourhood
 * circles, workplaces and weak ties instead of id blocks; the profile's contacts: keys changed). Recorded
 * again for the call rhythm (issue 14, item 2: daily calls to a partner and weekly ones to a parent take the
 * place of ordinary calls, and the profile gained contacts.rhythm).
 */
class GoldenDropsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "default, 1 thread    | --subscribers 1500 --days 2 --threads 1 --max-file-size 64KiB | 346b151d4190d8863cd0178277420b49d63e7971dbc85d599c68a61c76bcf766",
        "default, 2 threads   | --subscribers 1500 --days 2 --threads 2 --max-file-size 64KiB | 346b151d4190d8863cd0178277420b49d63e7971dbc85d599c68a61c76bcf766",
        "default, 7 threads   | --subscribers 1500 --days 2 --threads 7 --max-file-size 64KiB | 346b151d4190d8863cd0178277420b49d63e7971dbc85d599c68a61c76bcf766",
        "2010 profile         | --subscribers 1500 --days 2 --config config/sms-era-2010.yaml | 68b428c3ad214285d02ae8a1ce114e2e14ffd60d219cfe0ec7f4c4bbefd5d13d",
        "gzip                 | --subscribers 700 --days 1 --compress gzip                    | 1a5c58683b93d35c4134b82ee135667c370c36404d77738959011d8e3d546d50",
        "zstd                 | --subscribers 700 --days 1 --compress zstd                    | 070d28d9622c02647c592065a47d8e87ec2caa374f6bcbe2107bdd4aaf6c5e11",
        "shard 2 of 3         | --subscribers 1500 --days 1 --shard 2/3                       | ff27caf0ce18e479280508a385c45bbbe1a87f0d48d9c89441129fce5023f615",
        "crc32 checksums      | --subscribers 700 --days 1 --checksum crc32                   | 7e0bd1f16e5bedbf0e5cace1218aafc2caa91d280796f8413b200b19cd7880ce"})
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
