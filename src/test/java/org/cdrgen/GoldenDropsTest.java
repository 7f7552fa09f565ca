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
 * dates on the calendar (population.base_complete_date) instead of before --start-date. Issue 16 recorded the
 * gzip and zstd drops again (only those: every plain drop is unchanged): compressed files are now 2 MiB blocks,
 * each its own gzip member or zstd frame (with a content checksum), compressed in parallel, at level 1 by default,
 * and their manifest.json records compression_level; the crc32 drop (--checksum crc32) was added then.
 */
class GoldenDropsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "default, 1 thread    | --subscribers 1500 --days 2 --threads 1 --max-file-size 64KiB | 5423379390b6fb32557699d45c99ca2740744c87800d8e3bdc763b4ce2d96d59",
        "default, 2 threads   | --subscribers 1500 --days 2 --threads 2 --max-file-size 64KiB | 5423379390b6fb32557699d45c99ca2740744c87800d8e3bdc763b4ce2d96d59",
        "default, 7 threads   | --subscribers 1500 --days 2 --threads 7 --max-file-size 64KiB | 5423379390b6fb32557699d45c99ca2740744c87800d8e3bdc763b4ce2d96d59",
        "2010 profile         | --subscribers 1500 --days 2 --config config/sms-era-2010.yaml | 236a0054b104691618fcf7fbe47b00a598e1c615f7cf54ad1da0d49cf4a162fb",
        "gzip                 | --subscribers 700 --days 1 --compress gzip                    | e1c924f401e9e2dd9cebe3f563cd71d341249bf27487daaff64ac98d622c6330",
        "zstd                 | --subscribers 700 --days 1 --compress zstd                    | b7be286bdaa8bb7ec190baab6ba77e97fe549761d7f1741012c155d13f476ac2",
        "shard 2 of 3         | --subscribers 1500 --days 1 --shard 2/3                       | 9a533f80e38b864dfbaaa60da2b686741d8700f20b1ed94410d146d5138cc2d2",
        "crc32 checksums      | --subscribers 700 --days 1 --checksum crc32                   | 28c7f92017ec804100b1664140bb6882943e36e007861cefecceb3bf97601f05"})
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
