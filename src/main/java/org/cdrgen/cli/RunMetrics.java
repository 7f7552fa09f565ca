package org.cdrgen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.cdrgen.IoReasons;
import org.cdrgen.Version;
import org.cdrgen.drop.OutputFile;
import org.cdrgen.run.GenerationRun;
import org.cdrgen.run.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * --metrics-file: what a successful run did and cost, as one JSON object, for benchmarks and monitoring to
 * read instead of scraping the log. Written by hand, like manifest.json: a fresh run never loads Jackson (its
 * start-up costs ~0.2 s). Unlike the manifest it holds what varies between identical runs (times, threads).
 */
final class RunMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(RunMetrics.class);
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private RunMetrics() {
    }

    /**
     * Writes the metrics of a finished run to {@code file} (nothing when it is null), atomically: a reader sees
     * the whole object or no file. The drop is already published by then, and a drop has _SUCCESS exactly when
     * the run exits 0, so a failure here is a warning, not a failed run.
     */
    static void write(Path file, RunSettings settings, GenerationRun.Result result) {
        if (file == null) {
            return;
        }
        Path temp = null;
        try {
            temp = temporaryName(file);
            Files.writeString(temp, toJson(settings, result, peakRssBytes()), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("The drop is complete, but --metrics-file {} could not be written: {}", file, IoReasons.of(e));
            deleteQuietly(temp);
        }
    }

    /** The JSON object; numbers in Locale.ROOT, null for a measure the JVM or the OS cannot give. */
    static String toJson(RunSettings settings, GenerationRun.Result result, long peakRssBytes) {
        List<OutputFile> files = result.files();
        long eventFiles = files.stream().filter(f -> f.path().startsWith("events/")).count();
        long bytes = files.stream().mapToLong(OutputFile::bytes).sum();
        double elapsed = result.elapsedNanos() / 1e9;
        GenerationRun.CpuTimes cpu = result.cpu();
        StringBuilder out = new StringBuilder(512);
        out.append("{\n");
        field(out, "cdrgen_version", "\"" + Version.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        field(out, "rows", Long.toString(result.eventRows()));
        field(out, "subscriber_days", Long.toString(result.subscriberDays()));
        field(out, "event_files", Long.toString(eventFiles));
        field(out, "files", Integer.toString(files.size()));
        field(out, "bytes", Long.toString(bytes));
        // microseconds: the rates below are computed from the unrounded time, and a test run lasts 0.05 s
        field(out, "elapsed_s", number("%.6f", elapsed));
        field(out, "rows_per_s", number("%.1f", result.eventRows() / elapsed));
        field(out, "bytes_per_s", number("%.1f", bytes / elapsed));
        field(out, "threads", Integer.toString(settings.threads()));
        field(out, "workers_cpu_s", cpu == null ? "null" : number("%.3f", cpu.workersSeconds()));
        field(out, "writer_cpu_s", cpu == null ? "null" : number("%.3f", cpu.writerSeconds()));
        field(out, "jit_cpu_s", cpu == null ? "null" : number("%.3f", cpu.jitSeconds()));
        field(out, "gc_pause_s", cpu == null ? "null" : number("%.3f", cpu.gcPauseSeconds()));
        field(out, "process_cpu_s", cpu == null ? "null" : number("%.3f", cpu.processSeconds()));
        out.append("  \"peak_rss_bytes\" : ").append(peakRssBytes < 0 ? "null" : Long.toString(peakRssBytes));
        out.append("\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  \"").append(name).append("\" : ").append(value).append(",\n");
    }

    /** JSON has no NaN or Infinity (a run too short for the clock, a JVM without a measure): null instead. */
    private static String number(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "null";
    }

    /** The process's peak resident set size (VmHWM of /proc/self/status), or -1 where there is no such file. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String kib = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return Long.parseLong(kib) * 1024;
                }
            }
        } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
            // not Linux, or a kernel that says it differently: the field is null
        }
        return -1;
    }

    /** Hidden, beside the file (a rename across file systems is not atomic), and this process's own. */
    private static Path temporaryName(Path file) {
        return directoryOf(file).resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : file.toAbsolutePath();
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the warning already says the metrics are missing
            }
        }
    }

    /**
     * Checks the --metrics-file path when the options are parsed, before anything is generated: an hour-long run
     * must not end in "could not write the metrics". The file's directory must exist and take a new file (tried
     * for real, since permission bits say nothing to root or about a read-only mount); the path must not be a
     * directory or anything but a regular file.
     */
    static final class Destination implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw refused("the path is empty");
            }
            Path file;
            try {
                file = Path.of(value);
            } catch (InvalidPathException e) {
                throw refused("'" + value + "' is not a valid path: " + e.getReason());
            }
            if (Files.isDirectory(file)) {
                throw refused(file + " is a directory; give a file name, e.g. " + file.resolve("metrics.json"));
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw refused(file + " exists and is not a regular file");
            }
            Path directory = directoryOf(file);
            if (!Files.isDirectory(directory)) {
                throw refused("directory " + directory + " does not exist");
            }
            try {
                Files.delete(Files.createTempFile(directory, "." + file.getFileName() + ".", ".probe"));
            } catch (IOException e) {
                throw refused("cannot write in " + directory + ": " + IoReasons.of(e));
            }
            return file;
        }

        private static CommandLine.TypeConversionException refused(String why) {
            return new CommandLine.TypeConversionException(why);
        }
    }
}
