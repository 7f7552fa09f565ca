package org.cdrgen.drop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.cdrgen.drop.Manifest.InvalidManifestException;

/** Typed fields of one JSON object of the manifest; each fault names its field, e.g. 'files[3].rows'. */
final class ManifestFields {
    private final Path file;
    private final String prefix;
    private final JsonNode node;

    private ManifestFields(Path file, String prefix, JsonNode node) {
        this.file = file;
        this.prefix = prefix;
        this.node = node;
    }

    static ManifestFields top(Path file, JsonNode root) throws InvalidManifestException {
        if (!root.isObject()) {
            throw InvalidManifestException.of(file, "it holds " + kind(root) + ", not a JSON object");
        }
        return new ManifestFields(file, "", root);
    }

    ManifestFields element(String list, int index, JsonNode value) throws InvalidManifestException {
        String name = list + "[" + index + "]";
        if (!value.isObject()) {
            throw fault("'" + name + "' is " + kind(value) + ", not an object");
        }
        return new ManifestFields(file, name + ".", value);
    }

    /** The field's name as messages show it. */
    String name(String field) {
        return "'" + prefix + field + "'";
    }

    JsonNode value(String field) throws InvalidManifestException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fault(name(field) + " is missing");
        }
        return value;
    }

    long required(String field, long min, long max) throws InvalidManifestException {
        return whole(field, value(field), min, max);
    }

    /** Whether the field is there (and not null). */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** 0 when absent: fields no reader relies on. */
    long optional(String field, long min, long max) throws InvalidManifestException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? 0 : whole(field, value, min, max);
    }

    String requiredText(String field) throws InvalidManifestException {
        JsonNode value = value(field);
        if (!value.isTextual()) {
            throw fault(name(field) + " is " + kind(value) + ", not a string");
        }
        return value.textValue();
    }

    /** Null when absent: fields no reader relies on. */
    String text(String field) throws InvalidManifestException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : requiredText(field);
    }

    private long whole(String field, JsonNode value, long min, long max) throws InvalidManifestException {
        if (!value.isIntegralNumber()) {
            throw fault(name(field) + " is " + kind(value) + ", not a whole number");
        }
        if (!value.canConvertToLong()) {
            throw fault(name(field) + " is out of range");
        }
        long n = value.longValue();
        if (n < min) {
            throw fault(name(field) + " is " + n + ": it cannot be below " + min);
        }
        if (n > max) {
            throw fault(name(field) + " is " + n + ": it cannot be above " + max);
        }
        return n;
    }

    InvalidManifestException fault(String what) {
        return InvalidManifestException.of(file, what);
    }

    static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isBoolean()) {
            return "true or false";
        }
        return value.isIntegralNumber() ? "a whole number" : "a number";
    }
}
