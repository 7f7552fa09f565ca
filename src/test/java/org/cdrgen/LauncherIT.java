package org.cdrgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/cdrgen, the launcher, run as a user runs it (a child process) against the jar this build packaged:
 * it finds the jar from a source checkout, from an install and through symlinks, says what to run when
 * there is none, honours JAVA_HOME and JAVA_OPTS, and execs java so exit codes and signals go straight to
 * the JVM. Runs in `mvn verify` (Failsafe), after the package phase has built the jar.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(120)
class LauncherIT {
    static final Path SCRIPT = Path.of("bin", "cdrgen");
    /** The jar under test: Failsafe passes this build's (target/ or -Dbuild.dir's); an IDE run finds target/'s. */
    static final Path JAR = Path.of(System.getProperty("cdrgen.jar", "target/cdrgen.jar")).toAbsolutePath().normalize();
    static final String BUILD_HINT = "mvn -B -q package -DskipTests";

    @TempDir
    Path tmp;

    /** What one launcher run wrote and returned. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }

        String describe() {
            return "exit " + exit + "\n  stdout: " + out + "\n  stderr: " + err;
        }
    }

    @BeforeEach
    void jarWasPackaged() {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the integration tests with mvn verify");
    }

    @Test
    void theScriptInTheRepositoryIsAnExecutableShScript() throws IOException {
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " must be executable (and committed with its exec bit)");
        assertTrue(Files.readString(SCRIPT, StandardCharsets.UTF_8).startsWith("#!/bin/sh\n"), "a POSIX sh script");
    }

    @Test
    void printsTheVersionFromASourceCheckout() throws Exception {
        Run run = run(sourceCheckoutScript(), List.of("--version"));
        assertEquals(0, run.exit(), run.describe());
        assertEquals("cdrgen " + Version.get(), run.outLines().get(0), run.describe());
        assertEquals("", run.err(), "nothing on stderr");
    }

    /** A symlink on PATH (as /usr/local/bin/cdrgen), and a relative link to that link: the jar is still found. */
    @Test
    void worksThroughSymlinks() throws Exception {
        Path script = sourceCheckoutScript().toAbsolutePath();
        Path binOnPath = Files.createDirectories(tmp.resolve("usr/local/bin"));
        Path absoluteLink = Files.createSymbolicLink(binOnPath.resolve("cdrgen"), script);
        Path elsewhere = Files.createDirectories(tmp.resolve("home/user/bin"));
        Path relativeLink = Files.createSymbolicLink(elsewhere.resolve("cdrgen"), Path.of("../../../usr/local/bin/cdrgen"));
        try {
            for (Path link : List.of(absoluteLink, relativeLink)) {
                Run run = run(link, List.of("--version"));
                assertEquals(0, run.exit(), link + ": " + run.describe());
                assertEquals("cdrgen " + Version.get(), run.outLines().get(0), link + ": " + run.describe());
            }
        } finally {
            // Removed here: JUnit's clean-up warns about a link out of its temp directory (to the repository's script).
            Files.delete(relativeLink);
            Files.delete(absoluteLink);
        }
    }

    /** An install: PREFIX/bin/cdrgen with PREFIX/cdrgen.jar, or the script and the jar in one directory. */
    @ParameterizedTest
    @ValueSource(strings = {"opt/cdrgen/bin/cdrgen:opt/cdrgen/cdrgen.jar", "tools/cdrgen:tools/cdrgen.jar"})
    void findsTheJarOfAnInstall(String layout) throws Exception {
        String[] paths = layout.split(":");
        Path script = copyScript(tmp.resolve(paths[0]));
        Path jar = tmp.resolve(paths[1]);
        Files.createDirectories(jar.getParent());
        Files.copy(JAR, jar);
        Run run = run(script, List.of("--version"));
        assertEquals(0, run.exit(), layout + ": " + run.describe());
        assertEquals("cdrgen " + Version.get(), run.outLines().get(0), run.describe());
    }

    @Test
    void generatesADropThatVerifiesAndPassesExitCodesThrough() throws Exception {
        Path script = sourceCheckoutScript();
        Path drop = tmp.resolve("drop");
        Run generate = run(script, List.of("--subscribers", "10", "--days", "1", "--seed", "1", "--start-date",
                "2026-03-02", "--quiet", "--output-dir", drop.toString()));
        assertEquals(0, generate.exit(), generate.describe());
        assertTrue(Files.isRegularFile(drop.resolve("_SUCCESS")), "the drop is complete");
        Run verify = run(script, List.of("verify", drop.toString()));
        assertEquals(0, verify.exit(), verify.describe());

        // The JVM's own exit codes come through unchanged: 1 for a damaged drop, 2 for a bad option.
        Files.writeString(drop.resolve("cells.csv"), "damage\n", StandardOpenOption.APPEND);
        Run damaged = run(script, List.of("verify", drop.toString()));
        assertEquals(1, damaged.exit(), damaged.describe());
        Run badOption = run(script, List.of("--subscribers", "0", "--output-dir", tmp.resolve("other").toString()));
        assertEquals(2, badOption.exit(), badOption.describe());
    }

    @Test
    void withoutAJarItSaysWhatToRunInOneLineAndExits2() throws Exception {
        Path script = copyScript(tmp.resolve("lonely/bin/cdrgen"));
        Run run = run(script, List.of("--version"));
        assertEquals(2, run.exit(), run.describe());
        assertEquals(1, run.errLines().size(), "one line on stderr: " + run.describe());
        assertTrue(run.err().contains(BUILD_HINT), "names the build command: " + run.err());
        assertTrue(run.err().contains("cdrgen.jar"), "says what is missing: " + run.err());
        assertEquals("", run.out(), "nothing on stdout");
    }

    @Test
    void usesJavaFromJavaHomeWithJavaOptsSplitAndArgumentsKept() throws Exception {
        Path script = sourceCheckoutScript();
        Path javaHome = fakeJavaHome();
        // In the launcher's working directory, an unquoted -Dpattern=* would glob to this file's name.
        Files.createFile(tmp.resolve("-Dpattern=globbed"));
        Run run = run(script, List.of("--output-dir", "two words", "*"),
                Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-Xmx64m  -Dcdrgen.it=1 -Dpattern=*"));
        assertEquals(7, run.exit(), "the fake java's exit code: " + run.describe());
        List<String> args = run.outLines().subList(1, run.outLines().size());
        List<String> expected = new ArrayList<>(archiveOptions(jarFoundBy(script)));
        expected.addAll(List.of("-XX:+UseParallelGC", "-Xmx64m", "-Dcdrgen.it=1", "-Dpattern=*", "-jar",
                jarFoundBy(script).toString(), "--output-dir", "two words", "*"));
        assertEquals(expected, args, run.describe());
    }

    /** The launcher picks the parallel collector unless JAVA_OPTS picks one (two would stop the JVM). */
    @Test
    void aCollectorInJavaOptsReplacesTheLaunchersChoice() throws Exception {
        Path script = sourceCheckoutScript();
        Path javaHome = fakeJavaHome();
        Run run = run(script, List.of("--version"), Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS",
                "-Xmx1g -XX:+UseG1GC"));
        List<String> expected = new ArrayList<>(archiveOptions(jarFoundBy(script)));
        expected.addAll(List.of("-Xmx1g", "-XX:+UseG1GC", "-jar", jarFoundBy(script).toString(), "--version"));
        assertEquals(expected, run.outLines().subList(1, run.outLines().size()), run.describe());
        Run real = run(script, List.of("--version"), Map.of("JAVA_OPTS", "-XX:+UseSerialGC"));
        assertEquals(0, real.exit(), "a real JVM with the user's collector: " + real.describe());
    }

    /**
     * A run of at most 25,000 subscriber-days, as its options say, stops at the first-tier compiler; a longer
     * one, another command, a value that is not a number, or a compiler choice in JAVA_OPTS leaves the JVM's.
     */
    @Test
    void aShortRunStopsAtTheFirstTierCompiler() throws Exception {
        Path script = sourceCheckoutScript();
        Map<String, String> fakeJava = Map.of("JAVA_HOME", fakeJavaHome().toString());
        String c1 = "-XX:TieredStopAtLevel=1";
        Map<List<String>, Boolean> cases = new LinkedHashMap<>();
        cases.put(List.of("--subscribers", "1000", "--seed", "1"), true);
        cases.put(List.of("--subscribers=5000", "--days=5"), true);
        cases.put(List.of("--days", "2", "--subscribers", "12500"), true);
        cases.put(List.of("--subscribers", "12501", "--days", "2"), false);
        cases.put(List.of("--subscribers", "1000000"), false);
        cases.put(List.of("--subscribers", "1000", "--days", "30"), false);
        cases.put(List.of("--subscribers", "08"), false);
        cases.put(List.of("--subscribers", "10k"), false);
        cases.put(List.of("--subscribers", "99999999999999999999"), false);
        cases.put(List.of("verify", "out"), false);
        for (Map.Entry<List<String>, Boolean> c : cases.entrySet()) {
            Run run = run(script, c.getKey(), fakeJava);
            assertEquals(c.getValue(), run.outLines().contains(c1), c.getKey() + ": " + run.describe());
        }
        Map<String, String> chosen = new HashMap<>(fakeJava);
        chosen.put("JAVA_OPTS", "-XX:-TieredCompilation");
        Run run = run(script, List.of("--subscribers", "10"), chosen);
        assertFalse(run.outLines().contains(c1), run.describe());
        assertTrue(run.outLines().contains("-XX:-TieredCompilation"), run.describe());
        Run real = run(script, List.of("--subscribers", "10", "--seed", "1", "--start-date", "2026-03-02", "--quiet",
                "--output-dir", tmp.resolve("short").toString()));
        assertEquals(0, real.exit(), "a real JVM with the first-tier compiler only: " + real.describe());
    }

    /** The options the launcher adds for the build's class-data-sharing archive beside the jar, if there is one. */
    static List<String> archiveOptions(Path jar) {
        Path archive = jar.resolveSibling("cdrgen.jsa");
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off") : List.of();
    }

    /**
     * The build made the archive, and an archive that does not match the jar (another build's, copied with a
     * jar it was not made from) is ignored without a word: same output, nothing on stderr.
     */
    @Test
    void theBuildsArchiveIsUsedAndAStaleOneIgnored() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("cdrgen.cds.skip"), "built with -Dcds.skip");
        Path archive = JAR.resolveSibling("cdrgen.jsa");
        assertTrue(Files.isRegularFile(archive), "the build made no " + archive + "; " + BUILD_HINT);
        Path script = copyScript(tmp.resolve("opt/cdrgen/bin/cdrgen"));
        Path jar = tmp.resolve("opt/cdrgen/cdrgen.jar");
        Files.copy(JAR, jar);
        Files.copy(archive, tmp.resolve("opt/cdrgen/cdrgen.jsa")); // made from target/cdrgen.jar, not this copy
        Run stale = run(script, List.of("--subscribers", "10", "--seed", "1", "--start-date", "2026-03-02", "--quiet",
                "--output-dir", tmp.resolve("stale").toString()));
        assertEquals(0, stale.exit(), stale.describe());
        assertEquals("", stale.err(), "nothing on stderr: " + stale.describe());
        // -Xshare:on makes an archive that cannot be used fatal: this run proves the build's archive is used.
        Run matching = run(sourceCheckoutScript(), List.of("--subscribers", "10", "--seed", "1", "--start-date",
                "2026-03-02", "--quiet", "--output-dir", tmp.resolve("matching").toString()),
                Map.of("JAVA_OPTS", "-Xshare:on"));
        assertEquals(0, matching.exit(), matching.describe());
        assertEquals("", matching.err(), "nothing on stderr: " + matching.describe());
        assertEquals(Files.readString(tmp.resolve("stale/manifest.json")), Files.readString(tmp.resolve(
                "matching/manifest.json")), "the same drop with and without the archive");
    }

    /** An empty JAVA_HOME counts as unset: java is then the one on PATH. */
    @Test
    void usesJavaOnPathWithoutJavaHome() throws Exception {
        Path script = sourceCheckoutScript();
        Path fakeBin = fakeJavaHome().resolve("bin");
        Run run = run(script, List.of("--version"), Map.of("JAVA_HOME", "", "PATH", fakeBin + ":" + systemPath()));
        assertEquals(7, run.exit(), "the fake java on PATH ran: " + run.describe());
    }

    /** The README's way: the checkout's bin/ on PATH, cdrgen run by name from anywhere. */
    @Test
    void runsByNameFromPath() throws Exception {
        Path bin = sourceCheckoutScript().toAbsolutePath().getParent();
        Run run = start(List.of("/bin/sh", "-c", "cdrgen --version"), Map.of("PATH", bin + ":" + systemPath()))
                .finish();
        assertEquals(0, run.exit(), run.describe());
        assertEquals("cdrgen " + Version.get(), run.outLines().get(0), run.describe());
    }

    /** exec: java gets the launcher's own process (its pid), so a signal sent to the launcher reaches the JVM. */
    @Test
    void javaReplacesTheLauncherProcess() throws Exception {
        String script = sourceCheckoutScript().toAbsolutePath().toString();
        Launched launched = start(List.of(script, "--version"), Map.of("JAVA_HOME", fakeJavaHome().toString()));
        Run run = launched.finish();
        assertEquals("pid=" + launched.process().pid(), run.outLines().get(0), "java ran in the launcher's process: "
                + run.describe());
    }

    @Test
    void aJavaHomeWithoutJavaIsOneLineAndExit2() throws Exception {
        Run run = run(sourceCheckoutScript(), List.of("--version"), Map.of("JAVA_HOME", tmp.resolve("no-jdk").toString()));
        assertEquals(2, run.exit(), run.describe());
        assertEquals(1, run.errLines().size(), run.describe());
        assertTrue(run.err().contains("JAVA_HOME"), run.err());
    }

    // ---- helpers ----

    /**
     * The launcher of a source checkout whose target/cdrgen.jar is the jar under test: the repository's own
     * bin/cdrgen when this build wrote target/ (the default build, and CI's); otherwise (-Dbuild.dir=...) the
     * repository's target/ may hold another build's jar, so a copy of the script in a checkout-shaped temp
     * directory, with a copy of the jar under test as its target/cdrgen.jar.
     */
    Path sourceCheckoutScript() throws IOException {
        if (JAR.equals(Path.of("target", "cdrgen.jar").toAbsolutePath().normalize())) {
            return SCRIPT;
        }
        Path checkout = tmp.resolve("checkout");
        Path script = checkout.resolve(SCRIPT);
        if (!Files.exists(script)) {
            copyScript(script);
            Files.copy(JAR, Files.createDirectories(checkout.resolve("target")).resolve("cdrgen.jar"));
        }
        return script;
    }

    /** The jar path the launcher passes to java: its own directory's physical path, then ../target/cdrgen.jar. */
    static Path jarFoundBy(Path script) throws IOException {
        return script.toRealPath().getParent().getParent().resolve("target").resolve("cdrgen.jar");
    }

    /** A copy of the repository's script, executable bit included. */
    static Path copyScript(Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(SCRIPT, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** A JAVA_HOME whose bin/java prints its pid, then each argument on its own line, and exits 7. */
    Path fakeJavaHome() throws IOException {
        Path home = tmp.resolve("fake-jdk");
        Path java = home.resolve("bin/java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, "#!/bin/sh\necho \"pid=$$\"\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\nexit 7\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    Run run(Path script, List<String> args) throws Exception {
        return run(script, args, Map.of());
    }

    Run run(Path script, List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script.toAbsolutePath().toString());
        command.addAll(args);
        return start(command, env).finish();
    }

    static String systemPath() {
        return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    }

    /** A started launcher and the files its stdout and stderr go to (files, not pipes: nothing can block). */
    record Launched(Process process, Path stdout, Path stderr) {
        Run finish() throws Exception {
            try {
                assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the launcher did not finish within 90 s");
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }

    /**
     * Starts a command as a user would, with no input, in the test's temp directory; JAVA_HOME is this
     * JVM's (the Java under test) and JAVA_OPTS unset, unless {@code env} says otherwise.
     */
    Launched start(List<String> command, Map<String, String> env) throws IOException {
        Path logs = Files.createTempDirectory(tmp, "run");
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(logs.resolve("stdout").toFile())
                .redirectError(logs.resolve("stderr").toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_OPTS");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(env);
        return new Launched(builder.start(), logs.resolve("stdout"), logs.resolve("stderr"));
    }
}
