package org.cdrgen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.output.Compression;
import org.cdrgen.run.GenerationRun;
import org.cdrgen.run.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level command: generation. Later subcommands (verify, stats) read what it writes. */
@Command(name = "cdrgen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Generates synthetic telecom Call Detail Records (voice, SMS, data) for a synthetic subscriber",
            "population, as CSV files in OUTPUT_DIR/events/date=YYYY-MM-DD/part-NNNNN.csv plus",
            "subscribers.csv, cells.csv and manifest.json. Same seed, config and version: same bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the run failed while writing (I/O error, full disk); no manifest is written",
            "2:bad input: options, config file or output directory; nothing is written"},
        footer = {"%nExample: cdrgen --subscribers 100000 --days 7 --seed 42 --output-dir out/"})
public final class CdrgenCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CdrgenCommand.class);
    static final long MIN_FILE_BYTES = 4096;

    @Spec
    CommandSpec spec;

    @Option(names = "--subscribers", paramLabel = "N",
            description = "Subscribers to generate (required), 1..100,000,000.")
    Integer subscribers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "1",
            description = "Days to generate, 1..3660 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "First day, in the profile's time zone (default: today, UTC).")
    LocalDate startDate;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of every random stream, a long (default: drawn at random, logged and written to manifest.json).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1..1024; never changes the output (default: available processors, ${sys:cdrgen.cpus}).")
    Integer threads;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Directory to write; must be absent or empty (required).")
    Path outputDir;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "128MiB", converter = ByteSizeConverter.class,
            description = "Rotate event files before they exceed SIZE, e.g. 64MiB or 1GB, at least 4KiB (default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Profile (YAML) laid over the built-in default, config/cdrgen.yaml (default: the built-in profile).")
    Path config;

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunSettings settings = settings();
        GenerationRun.Result result = new GenerationRun(settings).run();
        double seconds = result.elapsedNanos() / 1e9;
        LOG.info("Wrote {} event rows in {} files to {} in {} s ({} rows/s)", result.eventRows(), result.files().size(),
                settings.outputDir(), String.format("%.2f", seconds), String.format("%.0f", result.eventRows() / seconds));
        return ExitCodes.OK;
    }

    /** Checks every input before anything is written, so bad input leaves no trace. */
    RunSettings settings() {
        if (subscribers == null) {
            throw usage("Missing required option: '--subscribers=N'");
        }
        if (outputDir == null) {
            throw usage("Missing required option: '--output-dir=DIR'");
        }
        range("--subscribers", subscribers, 1, 100_000_000);
        range("--days", days, 1, 3660);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        range("--threads", threadCount, 1, 1024);
        if (maxFileSize < MIN_FILE_BYTES) {
            throw usage("Invalid value for option '--max-file-size': " + maxFileSize + " bytes is below the minimum of 4KiB");
        }
        LocalDate start = startDate != null ? startDate : LocalDate.now(Clock.systemUTC());
        if (start.getYear() < 1970 || start.plusDays(days).getYear() > 2200) {
            throw usage("Invalid value for option '--start-date': " + start + " with --days " + days
                    + " must lie within 1970-01-01..2199-12-31");
        }
        ProfileLoader loader = new ProfileLoader();
        ProfileLoader.Loaded profile = config == null ? loader.loadBuiltIn() : loader.load(config);
        checkOutputDir(outputDir);
        long runSeed;
        if (seed != null) {
            runSeed = seed;
        } else {
            runSeed = new SecureRandom().nextLong();
            LOG.info("No --seed given: using --seed {} (also in manifest.json) so this run can be repeated", runSeed);
        }
        return new RunSettings(subscribers, days, start, runSeed, threadCount, outputDir, maxFileSize, Compression.NONE,
                profile, RunSettings.DEFAULT_CHUNK_SUBSCRIBERS);
    }

    private void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw usage("Invalid value for option '" + option + "': " + value + " is out of range " + min + ".." + max);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static void checkOutputDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("output dir " + dir + " exists and is not a directory");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException("output dir " + dir + " is not empty: choose a new or empty directory");
                }
            } catch (IOException e) {
                throw new BadInputException("output dir " + dir + " cannot be read: " + e.getMessage());
            }
            if (!Files.isWritable(dir)) {
                throw new BadInputException("output dir " + dir + " is not writable");
            }
        }
    }
}
