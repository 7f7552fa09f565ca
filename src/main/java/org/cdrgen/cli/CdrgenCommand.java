package org.cdrgen.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.FileChecksum;
import org.cdrgen.drop.DropDirectory;
import org.cdrgen.drop.DropFormat;
import org.cdrgen.run.GenerationRun;
import org.cdrgen.run.PlanEstimate;
import org.cdrgen.run.Progress;
import org.cdrgen.run.RunSettings;
import org.cdrgen.run.Shard;
import org.cdrgen.run.SpaceCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level command generates; subcommands read what it wrote. */
@Command(name = "cdrgen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {VerifyCommand.class, StatsCommand.class},
        description = "Generates synthetic telecom Call Detail Records (voice, SMS, data) for a synthetic"
            + " subscriber population, as CSV files in DIR/events/date=YYYY-MM-DD/part-NNNNN.csv plus"
            + " subscribers.csv, cells.csv, manifest.json and, last, _SUCCESS. Same seed, config, version and"
            + " --start-date: same bytes, whatever --threads or the JVM's locale is. One run per DIR at a time (a"
            + " lock); a failed or stopped run removes what it wrote.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the run failed while writing (I/O error, full disk, unwritable directory); the files of this run removed, no _SUCCESS",
            "2:bad input: options, config file, output directory (in use, not a drop), not enough space; nothing is written",
            "130:stopped by SIGINT (Ctrl-C); the files of this run removed, no _SUCCESS",
            "143:stopped by SIGTERM; the files of this run removed, no _SUCCESS"},
        footer = {"%nExamples:",
            "  cdrgen --subscribers 100000 --days 7 --seed 42 --output-dir out/",
            "  cdrgen --subscribers 1000000 --shard 2/4 --seed 42 \\",
            "         --compress zstd --output-dir shard2/",
            "  cdrgen verify out/",
            "  cdrgen stats out/"})
public final class CdrgenCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CdrgenCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--subscribers", paramLabel = "N",
            description = "Lines (numbers) of the subscriber base to generate (required), 1..100,000,000; each has its holders on the calendar.")
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
            description = "Worker threads, 1..1024; never changes the output (default: the available processors, here ${sys:cdrgen.cpus}).")
    Integer threads;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Directory to write (required); must be absent or empty unless --force.")
    Path outputDir;

    @Option(names = "--force",
            description = "Replace the drop an earlier cdrgen run wrote in DIR: removes exactly the files its manifest.json (or a killed run's journal) lists, never anything else.")
    boolean force;

    @Option(names = "--no-space-check",
            description = "Start even when the estimated output is larger than the free space of DIR's file system.")
    boolean noSpaceCheck;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "128MiB", converter = ByteSizeConverter.class,
            description = "Start a new event file before one would exceed SIZE uncompressed bytes, e.g. 64MiB or 1GB; at least 4KiB (default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(names = "--format", paramLabel = "csv|parquet", defaultValue = "csv",
            description = "File format: CSV, or typed Parquet columns (.parquet parts, subscribers.parquet, cells.parquet) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--compress", paramLabel = "none|gzip|zstd|snappy",
            description = "CSV: compress every file (none, gzip, zstd: .csv.gz, .csv.zst; default none). Parquet: the codec inside the files (none, snappy, zstd; default snappy).")
    String compress;

    @Option(names = "--compress-level", paramLabel = "L",
            description = "Level of --compress: gzip 1..9, zstd -7..19 (negative: zstd's fast levels); higher is smaller and slower (default: 1 for both, measured fastest for this data).")
    Integer compressLevel;

    @Option(names = "--checksum", paramLabel = "sha256|crc32", defaultValue = "sha256",
            description = "The checksum manifest.json gives each file: sha256 (checked by sha256sum) or crc32, far cheaper to compute, which verify checks as well and which also catches any changed byte, though not a deliberate edit (default: ${DEFAULT-VALUE}).")
    String checksum;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Profile (YAML) laid over the built-in default, config/cdrgen.yaml; it needs only the keys it changes (default: the built-in profile).")
    Path config;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Generate only the I-th of N disjoint subscriber ranges (1/4 .. 4/4); N shards together give exactly the rows of one full run (default: 1/1).")
    String shard;

    @Option(names = "--dry-run",
            description = "Print the plan (chunks, estimated rows, bytes and files) and write nothing.")
    boolean dryRun;

    @Option(names = "--metrics-file", paramLabel = "FILE", converter = RunMetrics.Destination.class,
            description = "After a successful run, write its metrics (rows, bytes, files, elapsed time, rates, CPU split, peak RSS) to FILE as one JSON object (default: none).")
    Path metricsFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no log lines but warnings and errors (not with -v).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Debug logging: the plan, every file written, and where the CPU time went (not with -q).")
    boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException {
        configureLogging();
        RunSettings settings = settings();
        try {
            settings.compression().requireAvailable();
            if (settings.format().parquet() && settings.format().parquetCodec().equals("zstd")) {
                Compression.ZSTD.requireAvailable(); // parquet-java's zstd is zstd-jni too
            }
        } catch (Compression.CodecUnavailableException e) {
            throw new Compression.CodecUnavailableException(e.getMessage() + ", or write --compress gzip");
        }
        if (dryRun) {
            DropDirectory.check(settings.outputDir(), force, GenerationRun.writesPath(settings));
            printPlan(settings);
            return ExitCodes.OK;
        }
        Progress progress = ProgressReporters.choose(quiet);
        if (seed == null) {
            progress = announcingDrawnSeed(progress, settings.seed());
        }
        GenerationRun run = new GenerationRun(settings, progress, new GenerationRun.OutputPolicy(force, !noSpaceCheck),
                metricsFile != null);
        GenerationRun.Result result;
        try (SignalStop signals = SignalStop.install(run::cancel)) {
            try {
                result = run.run();
            } catch (IOException | RuntimeException | InterruptedException | Error e) {
                SignalStop.Caught signal = signals.caught();
                if (signal == null) {
                    throw e;
                }
                Thread.interrupted(); // the stop is handled; the interrupt was only its messenger
                PrintWriter err = spec.commandLine().getErr();
                err.println("cdrgen: stopped by " + signal.name() + ": the files of this run removed, no _SUCCESS written");
                err.flush();
                return signal.exitCode();
            }
        }
        double seconds = result.elapsedNanos() / 1e9;
        long eventFiles = result.files().stream().filter(f -> f.path().startsWith("events/")).count();
        LOG.info(String.format(Locale.ROOT, "Wrote %,d event rows in %,d event file%s (plus subscribers and cells)"
                + " to %s in %.2f s (%,.0f rows/s)", result.eventRows(), eventFiles, eventFiles == 1 ? "" : "s",
                settings.outputDir(), seconds, result.eventRows() / seconds));
        RunMetrics.write(metricsFile, settings, result);
        return ExitCodes.OK;
    }

    /**
     * Says which seed was drawn once the run has passed its checks and starts (said earlier, it would be a
     * second line beside a bad-input error).
     */
    private static Progress announcingDrawnSeed(Progress progress, long drawnSeed) {
        return new Progress() {
            @Override
            public void start(long totalSubscriberDays) {
                LOG.info("No --seed given: using --seed {} (also in manifest.json) so this run can be repeated", drawnSeed);
                progress.start(totalSubscriberDays);
            }

            @Override
            public void advance(long subscriberDays, long rows) {
                progress.advance(subscriberDays, rows);
            }

            @Override
            public void finish() {
                progress.finish();
            }
        };
    }

    private void configureLogging() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        // Set every time: tests run many commands in one JVM, and a --quiet one must not silence the next.
        root.setLevel(verbose ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
    }

    /** Checks every input before anything is written, so bad input leaves no trace. */
    RunSettings settings() {
        if (subscribers == null) {
            throw usage("Missing required option: '--subscribers=N'");
        }
        if (outputDir == null) {
            throw usage("Missing required option: '--output-dir=DIR'");
        }
        if (outputDir.toString().isBlank()) {
            // In cron, an unset variable: never let that mean "the current directory".
            throw usage("Invalid value for option '--output-dir': the path is empty");
        }
        if (quiet && verbose) {
            throw usage("--quiet and --verbose cannot be used together");
        }
        range("--subscribers", subscribers, 1, RunSettings.MAX_SUBSCRIBERS);
        range("--days", days, 1, RunSettings.MAX_DAYS);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        range("--threads", threadCount, 1, RunSettings.MAX_THREADS);
        if (maxFileSize < RunSettings.MIN_FILE_BYTES) {
            throw usage("Invalid value for option '--max-file-size': " + maxFileSize + " bytes is below the minimum of 4KiB");
        }
        DropFormat dropFormat = dropFormat();
        Compression compression = dropFormat.parquet() ? Compression.NONE : compression();
        int level = compressionLevel(compression);
        Shard shardRange = shard();
        if (shardRange.count() > subscribers) {
            throw usage("Invalid value for option '--shard': " + shardRange + " has more shards than the "
                    + subscribers + " subscribers");
        }
        LocalDate start = startDate != null ? startDate : LocalDate.now(Clock.systemUTC());
        if (start.isBefore(RunSettings.FIRST_DATE) || start.plusDays(days - 1L).isAfter(RunSettings.LAST_DATE)) {
            throw usage("Invalid value for option '--start-date': " + start + " with --days " + days
                    + " must lie within 1970-01-01..2199-12-31");
        }
        ProfileLoader loader = new ProfileLoader();
        ProfileLoader.Loaded profile = config == null ? loader.loadBuiltIn() : loader.load(config);
        long runSeed;
        if (seed != null) {
            runSeed = seed;
        } else {
            runSeed = new SecureRandom().nextLong();
        }
        return new RunSettings(subscribers, days, start, runSeed, threadCount, outputDir, maxFileSize, compression,
                profile, RunSettings.chunkSubscribersFor(threadCount, Runtime.getRuntime().maxMemory(),
                        shardRange.size(subscribers)), shardRange,
                List.of(), dropFormat, level, checksumKind());
    }

    private DropFormat dropFormat() {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv":
                return DropFormat.CSV;
            case "parquet":
                String codec = compress == null ? "snappy" : compress.toLowerCase(Locale.ROOT);
                if (!DropFormat.PARQUET_CODECS.contains(codec)) {
                    throw usage("Invalid value for option '--compress': '" + compress + "' is not one of none, snappy,"
                            + " zstd (with --format parquet)");
                }
                return DropFormat.parquet(codec);
            default:
                throw usage("Invalid value for option '--format': '" + format + "' is not one of csv, parquet");
        }
    }

    private FileChecksum checksumKind() {
        FileChecksum kind = FileChecksum.ofKey(checksum);
        if (kind == null) {
            throw usage("Invalid value for option '--checksum': '" + checksum + "' is not one of sha256, crc32");
        }
        return kind;
    }

    private int compressionLevel(Compression compression) {
        if (compressLevel == null) {
            return compression.defaultLevel();
        }
        if (compression == Compression.NONE) {
            throw usage("--compress-level needs --compress gzip or zstd");
        }
        try {
            compression.checkLevel(compressLevel);
        } catch (IllegalArgumentException e) {
            throw usage("Invalid value for option '--compress-level': " + e.getMessage());
        }
        return compressLevel;
    }

    private Compression compression() {
        if (compress == null) {
            return Compression.NONE;
        }
        try {
            return Compression.valueOf(compress.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("Invalid value for option '--compress': '" + compress + "' is not one of none, gzip, zstd");
        }
    }

    private Shard shard() {
        if (shard == null) {
            return Shard.WHOLE;
        }
        String[] parts = shard.split("/", -1);
        try {
            if (parts.length == 2) {
                int index = Integer.parseInt(parts[0].trim());
                int count = Integer.parseInt(parts[1].trim());
                if (count >= 1 && count <= 100_000 && index >= 1 && index <= count) {
                    return new Shard(index, count);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("Invalid value for option '--shard': '" + shard + "' must be I/N with 1 <= I <= N <= 100000, e.g. 2/4");
    }

    private void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw usage("Invalid value for option '" + option + "': " + value + " is out of range " + min + ".." + max);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void printPlan(RunSettings settings) throws IOException {
        PlanEstimate plan = PlanEstimate.of(settings);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Plan for %s (nothing written):%n", settings.outputDir());
        out.printf(Locale.ROOT, "  subscribers     %,d (shard %s: ids %,d..%,d), %d days from %s, seed %d%n",
                settings.subscribers(), settings.shard(), settings.shard().firstSubscriber(settings.subscribers()),
                settings.shard().endSubscriber(settings.subscribers()) - 1, settings.days(), settings.startDate(),
                settings.seed());
        out.printf(Locale.ROOT, "  work            %,d subscriber-days in %,d chunks of up to %,d subscribers, %d threads%n",
                plan.subscriberDays(), plan.chunks(), settings.chunkSubscribers(), settings.threads());
        out.printf(Locale.ROOT, "  rows (est.)     %,d (%.1f per subscriber-day, sampled from %d subscribers of day 1)%n",
                plan.estimatedRows(), plan.rowsPerSubscriberDay(), plan.sampleSubscribers());
        out.printf(Locale.ROOT, "  bytes (est.)    %,d uncompressed (%.0f bytes per row)%n", plan.estimatedBytes(),
                plan.bytesPerRow());
        out.printf(Locale.ROOT, "  files (est.)    %d day directories x %d part file(s) at --max-file-size %,d bytes, %s;"
                + " plus subscribers, cells (%,d sites), manifest.json, _SUCCESS%n", settings.days(),
                plan.estimatedFilesPerDay(), settings.maxFileBytes(), settings.format().compressionLabel(settings.compression()),
                plan.sites());
        long needed = SpaceCheck.neededBytes(settings, plan.estimatedBytes());
        long usable = SpaceCheck.usableBytes(settings.outputDir());
        out.printf(Locale.ROOT, "  space           needs at least %s; %s free there: %s%n", SpaceCheck.bytes(needed),
                SpaceCheck.bytes(usable), needed <= usable ? "fits" : noSpaceCheck ? "does NOT fit (--no-space-check)"
                        : "does NOT fit: the run would be refused");
        out.flush();
    }
}
