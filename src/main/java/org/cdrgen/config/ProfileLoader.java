package org.cdrgen.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.cdrgen.Sha256;
import org.cdrgen.IoReasons;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML profile. A user's file is laid over the built-in default (config/cdrgen.yaml, packaged in
 * the jar), so it only needs the keys it changes; unknown keys are errors, never silently dropped.
 * The YAML is parsed to a node tree by SnakeYAML and bound by {@link RecordBinder}.
 */
public final class ProfileLoader {
    /** Where the build puts config/cdrgen.yaml inside the jar. */
    private static final String PROFILES = "/cdrgen/profiles/";
    static final String BUILT_IN = PROFILES + "cdrgen.yaml";
    /** The name of the built-in default among the shipped profiles. */
    public static final String DEFAULT_NAME = "default";
    /** A profile is a few KiB; the cap keeps a wrong file (a log, a binary, /dev/zero) from being parsed at all. */
    static final int MAX_CONFIG_BYTES = 256 << 10;

    /** A loaded profile and a checksum of its effective content, for run metadata. */
    public record Loaded(Profile profile, String source, String sha256) {
    }

    /** The built-in profile being read by {@link #prefetchBuiltIn()}, for the next {@link #loadBuiltIn()}. */
    private static final AtomicReference<FutureTask<Loaded>> PREFETCHED = new AtomicReference<>();

    /**
     * Starts reading the built-in profile on a thread of its own, for the {@link #loadBuiltIn()} that a
     * command is about to make: a 1,000-subscriber run's parsing and binding (0.05 s, most of it loading and
     * running cold code) then overlaps the command line's set-up instead of following it.
     */
    public static void prefetchBuiltIn() {
        FutureTask<Loaded> task = new FutureTask<>(ProfileLoader::readBuiltIn);
        if (PREFETCHED.compareAndSet(null, task)) {
            Thread reader = new Thread(task, "cdrgen-profile-prefetch");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public Loaded loadBuiltIn() {
        FutureTask<Loaded> prefetched = PREFETCHED.getAndSet(null);
        if (prefetched == null) {
            return readBuiltIn();
        }
        try {
            return prefetched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return readBuiltIn();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }

    private static Loaded readBuiltIn() {
        Node tree = readTree(builtInBytes(), "built-in profile");
        return bind(tree, "built-in profile");
    }

    /** Loads a user profile over the built-in default. */
    public Loaded load(Path file) {
        return loadOverDefault(readCapped(file), file.toString());
    }

    /** Loads YAML text over the built-in default, as if it were a file named {@code name}. */
    public Loaded loadYaml(String yaml, String name) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_CONFIG_BYTES) {
            throw new ConfigException(name + " is larger than " + (MAX_CONFIG_BYTES >> 10) + " KiB: a profile is a"
                    + " few KiB of YAML");
        }
        return loadOverDefault(bytes, name);
    }

    /**
     * A profile shipped in the jar, by name: "default" (config/cdrgen.yaml) or the base name of another file
     * of config/, e.g. "sms-era-2010", laid over the default as --config lays a file.
     */
    public Loaded loadShipped(String name) {
        if (name.equals(DEFAULT_NAME)) {
            return loadBuiltIn();
        }
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ConfigException("no shipped profile named '" + name + "'");
        }
        byte[] bytes = resource(PROFILES + name + ".yaml");
        if (bytes == null) {
            throw new ConfigException("no shipped profile named '" + name + "': the jar ships default and the other"
                    + " files of config/, by their base name");
        }
        return loadOverDefault(bytes, "shipped profile " + name);
    }

    private Loaded loadOverDefault(byte[] bytes, String name) {
        Node user = readTree(bytes, name);
        if (user == null || user instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            throw new ConfigException(name + ": the file is empty; give at least one key to change");
        }
        if (!(user instanceof MappingNode userMapping)) {
            throw new ConfigException(name + ": the top level must be a mapping of keys, such as 'voice:'");
        }
        MappingNode merged = (MappingNode) readTree(builtInBytes(), "built-in profile");
        try {
            merge(merged, userMapping, "");
        } catch (ConfigException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
        return bind(merged, name);
    }

    /**
     * Reads at most {@link #MAX_CONFIG_BYTES} + 1 bytes: the size is checked before any parsing, and a
     * special file such as /dev/zero (size 0, endless) is refused as soon as it passes the cap.
     */
    private static byte[] readCapped(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + file + " is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
            if (bytes.length > MAX_CONFIG_BYTES) {
                throw new ConfigException("config file " + file + " is larger than " + (MAX_CONFIG_BYTES >> 10)
                        + " KiB: a profile is a few KiB of YAML (the whole default is about 10 KiB)");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + IoReasons.of(e));
        }
    }

    private static Loaded bind(Node tree, String source) {
        Profile profile;
        try {
            profile = RecordBinder.bind(tree, Profile.class).validate();
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        return new Loaded(profile, source, sha256(tree));
    }

    private static Node readTree(byte[] bytes, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(source + ": invalid YAML: the file is not UTF-8 text");
        }
        try {
            // Only composed, never constructed: duplicate keys are caught by merge and RecordBinder.
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            String where = at == null ? "" : " at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1);
            throw new ConfigException(source + ": invalid YAML" + where + ": " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(source + ": invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    /** Deep merge: mappings merge key by key, anything else (lists included) is replaced. */
    private static void merge(MappingNode base, MappingNode override, String path) {
        List<NodeTuple> baseTuples = base.getValue();
        Set<String> seen = new HashSet<>();
        for (NodeTuple field : override.getValue()) {
            if (field.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
                throw new ConfigException("key '" + path + key.getValue() + "' is given twice");
            }
            int at = indexOfKey(baseTuples, field.getKeyNode());
            if (at < 0) {
                baseTuples.add(field);
            } else if (baseTuples.get(at).getValueNode() instanceof MappingNode existing
                    && field.getValueNode() instanceof MappingNode overriding) {
                merge(existing, overriding, path + ((ScalarNode) field.getKeyNode()).getValue() + ".");
            } else {
                baseTuples.set(at, new NodeTuple(baseTuples.get(at).getKeyNode(), field.getValueNode()));
            }
        }
    }

    private static int indexOfKey(List<NodeTuple> tuples, Node key) {
        if (key instanceof ScalarNode scalarKey) {
            for (int i = 0; i < tuples.size(); i++) {
                if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(scalarKey.getValue())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * SHA-256 of the effective (merged) profile in a canonical form: comments, layout and quoting do not
     * count, keys keep their order, and every scalar is length-prefixed so no two trees share a form.
     */
    private static String sha256(Node tree) {
        StringBuilder canonical = new StringBuilder(8192);
        canonicalize(tree, canonical);
        return Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void canonicalize(Node node, StringBuilder out) {
        if (node instanceof MappingNode mapping) {
            out.append('{');
            for (NodeTuple tuple : mapping.getValue()) {
                canonicalize(tuple.getKeyNode(), out);
                canonicalize(tuple.getValueNode(), out);
            }
            out.append('}');
        } else if (node instanceof SequenceNode sequence) {
            out.append('[');
            for (Node element : sequence.getValue()) {
                canonicalize(element, out);
            }
            out.append(']');
        } else {
            ScalarNode scalar = (ScalarNode) node;
            out.append(scalar.getTag().getValue()).append(' ').append(scalar.getValue().length()).append(':')
                    .append(scalar.getValue());
        }
    }

    private static byte[] builtInBytes() {
        byte[] bytes = resource(BUILT_IN);
        if (bytes == null) {
            throw new IllegalStateException("built-in profile " + BUILT_IN + " is missing from the jar");
        }
        return bytes;
    }

    private static byte[] resource(String path) {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
