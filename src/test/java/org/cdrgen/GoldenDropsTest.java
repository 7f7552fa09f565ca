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
 * the SHA-256 and path of every file, manifest included. Recorded with cdrgen at 9169ed7, before the
 * generator was opened up as a library: any change to a written byte, for any of these options, fails here.
 * A deliberate change of the output records new digests here, with the reason in the commit.
 */
class GoldenDropsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "default, 1 thread    | --subscribers 1500 --days 2 --threads 1 --max-file-size 64KiB | 3ed21a3a0fcf00c17d34233f42a80a8cd9c031cb84682608468c035ef4aa4504",
        "default, 2 threads   | --subscribers 1500 --days 2 --threads 2 --max-file-size 64KiB | 3ed21a3a0fcf00c17d34233f42a80a8cd9c031cb84682608468c035ef4aa4504",
        "default, 7 threads   | --subscribers 1500 --days 2 --threads 7 --max-file-size 64KiB | 3ed21a3a0fcf00c17d34233f42a80a8cd9c031cb84682608468c035ef4aa4504",
        "2010 profile         | --subscribers 1500 --days 2 --config config/sms-era-2010.yaml | cc55483dba2d68ad3a8a7a6271a673628a8acbb9bcaca057f8e0247f13f48e47",
        "gzip                 | --subscribers 700 --days 1 --compress gzip                    | e3049ea09458d3cb93186d99831c79a85a7fc7ffc63a52023894f45408a384b0",
        "zstd                 | --subscribers 700 --days 1 --compress zstd                    | c2517f2458d5502f832eb24dede593e1840399ff3b6991ba015c62254a37bdea",
        "shard 2 of 3         | --subscribers 1500 --days 1 --shard 2/3                       | 0f1ed6507dfaabfd0520998f01aa6db860e8361c90f52684e08929375627fb39"})
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
