package org.cdrgen.api;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.drop.Compression;
import org.cdrgen.drop.FileChecksum;
import org.cdrgen.generate.DayTransform;
import org.cdrgen.run.RunSettings;
import org.cdrgen.run.Shard;

/**
 * Settings of a run for {@link Cdrgen}, checked on {@link #build()} against the CLI's limits. The seed, the
 * number of subscribers and the start date have no defaults: a library run is meant to be repeatable.
 * A bad value is an {@link IllegalArgumentException} naming it and its range; a bad profile a
 * {@link org.cdrgen.config.ConfigException} naming the key.
 */
public final class CdrgenBuilder {
    private Long seed;
    private Integer subscribers;
    private LocalDate startDate;
    private int days = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private long maxFileBytes = 128L << 20;
    private Compression compression = Compression.NONE;
    private Integer compressionLevel;
    private FileChecksum checksum = FileChecksum.SHA256;
    private Shard shard = Shard.WHOLE;
    private ProfileSource profile = loader -> loader.loadBuiltIn();
    private final List<DayTransform> transforms = new ArrayList<>();

    /** How the profile is found; loaded on {@link #build()}. */
    private interface ProfileSource {
        ProfileLoader.Loaded load(ProfileLoader loader);
    }

    CdrgenBuilder() {
    }

    public CdrgenBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public CdrgenBuilder subscribers(int subscribers) {
        this.subscribers = subscribers;
        return this;
    }

    public CdrgenBuilder startDate(LocalDate startDate) {
        this.startDate = startDate;
        return this;
    }

    public CdrgenBuilder days(int days) {
        this.days = days;
        return this;
    }

    /** Worker threads of {@link Cdrgen#writeDrop}; never changes the output. */
    public CdrgenBuilder threads(int threads) {
        this.threads = threads;
        return this;
    }

    /** --max-file-size: uncompressed bytes per event file. */
    public CdrgenBuilder maxFileBytes(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        return this;
    }

    public CdrgenBuilder compression(Compression compression) {
        this.compression = compression;
        return this;
    }

    /** --compress-level: the codec's level (gzip 1..9, zstd -7..19); unset, the codec's default. */
    public CdrgenBuilder compressionLevel(int level) {
        this.compressionLevel = level;
        return this;
    }

    /** --checksum: the manifest's checksum of each file (SHA-256 by default). */
    public CdrgenBuilder checksum(FileChecksum checksum) {
        this.checksum = java.util.Objects.requireNonNull(checksum, "checksum");
        return this;
    }

    /** --shard I/N: only the {@code index}-th of {@code count} disjoint subscriber ranges. */
    public CdrgenBuilder shard(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " must be I/N with 1 <= I <= N");
        }
        this.shard = new Shard(index, count);
        return this;
    }

    /** A profile shipped with cdrgen, by name: "default" or e.g. "sms-era-2010" (config/sms-era-2010.yaml). */
    public CdrgenBuilder profile(String shippedName) {
        this.profile = loader -> loader.loadShipped(shippedName);
        return this;
    }

    /** A YAML profile file laid over the default, as --config lays it. */
    public CdrgenBuilder profileFile(Path file) {
        this.profile = loader -> loader.load(file);
        return this;
    }

    /** YAML text laid over the default profile (a test's own few keys, say). */
    public CdrgenBuilder profileYaml(String yaml) {
        return profileYaml(yaml, "profile YAML text");
    }

    /** YAML text laid over the default profile, named in error messages as {@code name} (a file's path, say). */
    public CdrgenBuilder profileYaml(String yaml, String name) {
        this.profile = loader -> loader.loadYaml(yaml, name);
        return this;
    }

    /** Adds a scenario applied to every subscriber-day, after those added before it. */
    public CdrgenBuilder transform(DayTransform transform) {
        transforms.add(transform);
        return this;
    }

    public Cdrgen build() {
        if (seed == null || subscribers == null || startDate == null) {
            throw new IllegalArgumentException("seed, subscribers and startDate must be given (no defaults: a"
                    + " library run is meant to be repeatable)");
        }
        range("subscribers", subscribers, 1, RunSettings.MAX_SUBSCRIBERS);
        range("days", days, 1, RunSettings.MAX_DAYS);
        range("threads", threads, 1, RunSettings.MAX_THREADS);
        range("maxFileBytes", maxFileBytes, RunSettings.MIN_FILE_BYTES, Long.MAX_VALUE);
        if (startDate.isBefore(RunSettings.FIRST_DATE) || startDate.plusDays(days - 1L).isAfter(RunSettings.LAST_DATE)) {
            throw new IllegalArgumentException("startDate " + startDate + " with days " + days + " must lie within "
                    + RunSettings.FIRST_DATE + ".." + RunSettings.LAST_DATE);
        }
        if (shard.count() > subscribers) {
            throw new IllegalArgumentException("shard " + shard + " has more shards than the " + subscribers
                    + " subscribers");
        }
        Set<String> names = new HashSet<>();
        for (DayTransform transform : transforms) {
            if (!names.add(transform.name())) {
                throw new IllegalArgumentException("two transforms are named '" + transform.name() + "': the name"
                        + " keys a transform's random stream");
            }
        }
        int level = compressionLevel == null ? compression.defaultLevel() : compressionLevel;
        compression.checkLevel(level);
        ProfileLoader.Loaded loaded = profile.load(new ProfileLoader());
        // No output directory yet: writeDrop names it.
        return new Cdrgen(new RunSettings(subscribers, days, startDate, seed, threads, null, maxFileBytes, compression,
                loaded, RunSettings.chunkSubscribersFor(threads, Runtime.getRuntime().maxMemory(),
                        shard.size(subscribers)), shard, transforms,
                level, checksum));
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range " + min + ".."
                    + (max == Long.MAX_VALUE ? "" : max));
        }
    }
}
