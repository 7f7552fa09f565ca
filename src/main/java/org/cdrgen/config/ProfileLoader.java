package org.cdrgen.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a YAML profile. A user's file is laid over the built-in default (config/cdrgen.yaml, packaged in
 * the jar), so it only needs the keys it changes; unknown keys are errors, never silently dropped.
 */
public final class ProfileLoader {
    /** Where the build puts config/cdrgen.yaml inside the jar. */
    static final String BUILT_IN = "/cdrgen/profiles/cdrgen.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** A loaded profile and a checksum of its effective content, for run metadata. */
    public record Loaded(Profile profile, String source, String sha256) {
    }

    public Loaded loadBuiltIn() {
        JsonNode tree = readTree(builtInBytes(), "built-in profile");
        return bind(tree, "built-in profile");
    }

    /** Loads a user profile over the built-in default. */
    public Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        String name = file.toString();
        JsonNode user = readTree(bytes, name);
        if (user == null || user.isMissingNode() || user.isNull()) {
            throw new ConfigException(name + ": the file is empty; give at least one key to change");
        }
        if (!user.isObject()) {
            throw new ConfigException(name + ": the top level must be a mapping of keys, such as 'voice:'");
        }
        JsonNode merged = readTree(builtInBytes(), "built-in profile");
        merge((ObjectNode) merged, (ObjectNode) user);
        return bind(merged, name);
    }

    private Loaded bind(JsonNode tree, String source) {
        Profile profile;
        try {
            profile = yaml.treeToValue(tree, Profile.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + describe(e));
        }
        try {
            profile.validate();
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        return new Loaded(profile, source, sha256(tree));
    }

    private JsonNode readTree(byte[] bytes, String source) {
        try {
            return yaml.readTree(bytes);
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + describe(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(source + ": invalid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return "unknown key '" + path(unknown) + "' (allowed here: " + allowed + ")";
        }
        if (e instanceof InvalidFormatException bad) {
            return "key '" + path(bad) + "' has value \"" + bad.getValue() + "\" that is not a valid "
                    + typeName(bad.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "key '" + path(mismatch) + "' must be " + article(typeName(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "key '" + path(mapping) + "' is invalid: " + firstLine(e.getOriginalMessage());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == double.class || type == Double.class || type == double[].class) {
            return type.isArray() ? "list of numbers" : "number";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "whole number";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant);
            }
            return "one of " + names;
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        return "mapping of keys";
    }

    private static String article(String typeName) {
        return typeName.startsWith("one of") ? typeName : "a " + typeName;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    /** Deep merge: mappings merge key by key, anything else (lists included) is replaced. */
    private static void merge(ObjectNode base, ObjectNode override) {
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overrideObject) {
                merge(existingObject, overrideObject);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private String sha256(JsonNode tree) {
        try {
            byte[] canonical = new ObjectMapper().writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] builtInBytes() {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile " + BUILT_IN + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
