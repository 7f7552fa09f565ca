package org.cdrgen.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cdrgen.api.Cdrgen;
import org.cdrgen.api.CdrgenBuilder;
import org.cdrgen.config.ProfileLoader;
import org.cdrgen.run.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of {@code format("cdrgen")}, checked on the driver with the CLI's limits and messages (the
 * CLI's option names, '-' or '_' alike: {@code start_date} is {@code --start-date}). What an executor needs
 * travels in this object: the profile as its name or its YAML text, never a path, so executors need no file;
 * a seed or start date the user left out is drawn once, here, and logged.
 */
public record SourceOptions(
        Kind table,
        int subscribers,
        int days,
        LocalDate startDate,
        long seed,
        int shardIndex,
        int shardCount,
        String shippedProfile,
        String profileYaml,
        String profileName,
        int chunkSubscribers) implements Serializable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceOptions.class);
    /** Subscribers per input partition: big enough that a month of 100 million is ~300,000 tasks, not millions. */
    public static final int DEFAULT_CHUNK_SUBSCRIBERS = 10_000;
    static final Set<String> NAMES = Set.of("table", "subscribers", "days", "start_date", "seed", "shard", "profile",
            "config", "profile_yaml", "chunk_subscribers", "path");

    /** Which table of a drop a read returns. */
    public enum Kind {
        EVENTS, SUBSCRIBERS, CELLS
    }

    /** Parses and checks Spark's (case-insensitive) option map; a bad value is one line naming the option. */
    public static SourceOptions parse(Map<String, String> raw) {
        Map<String, String> o = new HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT).replace('-', '_');
            if (!NAMES.contains(name)) {
                throw bad("Unknown option: '" + e.getKey() + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(NAMES))
                        + ")");
            }
            o.put(name, e.getValue());
        }
        Kind table = table(o.getOrDefault("table", "events"));
        if (!o.containsKey("subscribers")) {
            throw bad("Missing required option: 'subscribers'");
        }
        int subscribers = (int) range("subscribers", integer("subscribers", o.get("subscribers")), 1,
                RunSettings.MAX_SUBSCRIBERS);
        int days = (int) range("days", integer("days", o.getOrDefault("days", "1")), 1, RunSettings.MAX_DAYS);
        LocalDate start = o.containsKey("start_date") ? date(o.get("start_date")) : LocalDate.now(Clock.systemUTC());
        if (start.isBefore(RunSettings.FIRST_DATE) || start.plusDays(days - 1L).isAfter(RunSettings.LAST_DATE)) {
            throw bad("Invalid value for option 'start_date': " + start + " with days " + days
                    + " must lie within 1970-01-01..2199-12-31");
        }
        long seed;
        if (o.containsKey("seed")) {
            seed = integer("seed", o.get("seed"));
        } else {
            seed = new SecureRandom().nextLong();
            LOG.warn("No seed option given: using seed {} so this read can be repeated", seed);
        }
        int[] shard = shard(o.get("shard"));
        if (shard[1] > subscribers) {
            throw bad("Invalid value for option 'shard': " + shard[0] + "/" + shard[1] + " has more shards than the "
                    + subscribers + " subscribers");
        }
        int chunk = (int) range("chunk_subscribers", integer("chunk_subscribers",
                o.getOrDefault("chunk_subscribers", Integer.toString(DEFAULT_CHUNK_SUBSCRIBERS))), 1, RunSettings.MAX_SUBSCRIBERS);
        String shipped = null;
        String yaml = null;
        String name = null;
        int given = (o.containsKey("profile") ? 1 : 0) + (o.containsKey("config") ? 1 : 0)
                + (o.containsKey("profile_yaml") ? 1 : 0);
        if (given > 1) {
            throw bad("Give at most one of the options 'profile' (a shipped name), 'config' (a file) and"
                    + " 'profile_yaml' (YAML text)");
        }
        if (o.containsKey("profile")) {
            shipped = o.get("profile");
        } else if (o.containsKey("config")) {
            Path file = Path.of(o.get("config"));
            new ProfileLoader().load(file); // the CLI's checks and messages, on the driver
            try {
                yaml = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw bad("config error: cannot read " + file + ": " + e.getMessage());
            }
            name = file.toString();
        } else if (o.containsKey("profile_yaml")) {
            yaml = o.get("profile_yaml");
            name = "option profile_yaml";
        }
        SourceOptions options = new SourceOptions(table, subscribers, days, start, seed, shard[0], shard[1], shipped,
                yaml, name, chunk);
        options.cdrgen(); // loads the profile: a bad one fails here, on the driver, naming its key
        return options;
    }

    /** The generator of these options (each JVM builds it once: see {@link Generators}). */
    public Cdrgen cdrgen() {
        CdrgenBuilder b = Cdrgen.builder().seed(seed).subscribers(subscribers).startDate(startDate).days(days)
                .threads(1).shard(shardIndex, shardCount);
        if (shippedProfile != null) {
            b.profile(shippedProfile);
        } else if (profileYaml != null) {
            b.profileYaml(profileYaml, profileName);
        }
        return b.build();
    }

    /** First subscriber id of the shard. */
    int firstSubscriber() {
        return (int) ((long) subscribers * (shardIndex - 1) / shardCount);
    }

    /** End (exclusive) of the shard's subscriber ids. */
    int endSubscriber() {
        return (int) ((long) subscribers * shardIndex / shardCount);
    }

    /** The same options for another table (the plan's other tables: subscribers, cells). */
    public SourceOptions withTable(Kind kind) {
        return new SourceOptions(kind, subscribers, days, startDate, seed, shardIndex, shardCount, shippedProfile,
                profileYaml, profileName, chunkSubscribers);
    }

    /** The table an option map asks for, without checking (or drawing) anything else: for the schema alone. */
    static Kind tableOf(Map<String, String> raw) {
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (e.getKey().equalsIgnoreCase("table")) {
                return table(e.getValue());
            }
        }
        return Kind.EVENTS;
    }

    private static Kind table(String value) {
        try {
            return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("Invalid value for option 'table': '" + value + "' is not one of events, subscribers, cells");
        }
    }

    private static long integer(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw bad("Invalid value for option '" + option + "': '" + value + "' is not a whole number");
        }
    }

    private static long range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw bad("Invalid value for option '" + option + "': " + value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad("Invalid value for option 'start_date': '" + value + "' is not a date in YYYY-MM-DD form");
        }
    }

    private static int[] shard(String value) {
        if (value == null) {
            return new int[] {1, 1};
        }
        String[] parts = value.split("/", -1);
        try {
            if (parts.length == 2) {
                int index = Integer.parseInt(parts[0].trim());
                int count = Integer.parseInt(parts[1].trim());
                if (count >= 1 && count <= 100_000 && index >= 1 && index <= count) {
                    return new int[] {index, count};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("Invalid value for option 'shard': '" + value + "' must be I/N with 1 <= I <= N <= 100000, e.g. 2/4");
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("cdrgen: " + message);
    }
}
