package org.cdrgen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT stop a real cdrgen process (a child JVM) mid-run: exit 143 / 130, no _SUCCESS, no
 * manifest, no temporary file.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalsTest {
    @TempDir
    Path tmp;

    private Process start(Path out, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "org.cdrgen.cli.Main",
                "--subscribers", "2000000", "--days", "5", "--seed", OpsCli.SEED, "--start-date", OpsCli.START,
                // zstd: should the child outlive this test somehow, it fills the disk ~8x more slowly
                "--threads", "2", "--compress", "zstd", "--output-dir", out.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the run has a file under events/ (it is writing), or fails after 20 s. */
    private static void awaitWriting(Process process, Path out, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("cdrgen exited early with " + process.exitValue() + ": " + Files.readString(log));
            }
            Path events = out.resolve("events");
            if (Files.isDirectory(events)) {
                try (Stream<Path> walk = Files.walk(events)) {
                    if (walk.anyMatch(Files::isRegularFile)) {
                        return;
                    }
                } catch (IOException racing) {
                    // a file was renamed while we looked; look again
                }
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        fail("no event file after 20 s: " + Files.readString(log));
    }

    /** Linux: whether the process ignores the signal (SigIgn in /proc/PID/status); false when unknown. */
    private static boolean ignores(Process process, String signal) {
        int number = signal.equals("INT") ? 2 : 15;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (mask >>> (number - 1) & 1) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone: assume the signal is delivered
        }
        return false;
    }

    private void stopAndCheck(String signal, int expectedExit) throws Exception {
        Path out = tmp.resolve("drop");
        Path log = tmp.resolve("cdrgen.log");
        Process process = start(out, log);
        // Should this JVM be stopped meanwhile, the child goes too.
        Thread reaper = new Thread(process::destroyForcibly, "reap-cdrgen-child");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            awaitWriting(process, out, log);
            if (ignores(process, signal)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assumeTrue(false, "SIG" + signal + " is ignored in this environment (inherited, e.g. from a background"
                        + " job of a non-interactive shell); no JVM can see it");
            }
            if (signal.equals("TERM")) {
                process.destroy(); // SIGTERM on Linux and macOS
            } else {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
                assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cdrgen did not stop within 60 s of SIG" + signal);
            assertEquals(expectedExit, process.exitValue(), "exit code after SIG" + signal + ": " + Files.readString(log));
            OpsDrops.assertNoTraceOfCompletion(out);

            // The nightly job's rerun: refused as it stands, then --force replaces the stopped run's files.
            String[] rerun = {"--subscribers", "100", "--seed", OpsCli.SEED, "--start-date", OpsCli.START, "--quiet",
                "--output-dir", out.toString()};
            assertEquals(2, OpsCli.run(rerun).exit(), "the stopped run's directory is not empty");
            String[] forced = java.util.stream.Stream.concat(java.util.Arrays.stream(rerun), Stream.of("--force"))
                    .toArray(String[]::new);
            OpsCli.Result again = OpsCli.run(forced);
            assertEquals(0, again.exit(), again.describe());
            OpsCli.Result verify = OpsCli.run("verify", out.toString());
            assertEquals(0, verify.exit(), "after --force over a stopped run: " + verify.describe());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    @Test
    @Timeout(90)
    void sigtermStopsTheRunWithExit143AndCleansUp() throws Exception {
        stopAndCheck("TERM", 143);
    }

    @Test
    @Timeout(90)
    void sigintStopsTheRunWithExit130AndCleansUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "no kill command");
        stopAndCheck("INT", 130);
    }
}
