package org.cdrgen.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML node tree to the profile records: record components by their snake_case names,
 * lists, double arrays, enums and scalars. Written for the profile's few shapes instead of a general data
 * binder, because a general one (Jackson databind) cost a fifth of a second of every run's start-up.
 * Every mismatch names the key path, e.g. {@code population.devices[0].best_rat}.
 */
final class RecordBinder {
    private RecordBinder() {
    }

    static <T> T bind(Node node, Class<T> type) {
        return type.cast(bind(node, type, ""));
    }

    private static Object bind(Node node, Type type, String path) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return list(node, generic.getActualTypeArguments()[0], path);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (raw == double[].class) {
            List<?> values = list(node, double.class, path);
            double[] out = new double[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Double) values.get(i);
            }
            return out;
        }
        return scalar(node, raw, path);
    }

    private static Object record(Node node, Class<?> type, String path) {
        if (!(node instanceof MappingNode mapping)) {
            throw mismatch(path, "must be a mapping of keys");
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] keys = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            keys[i] = snakeCase(components[i].getName());
        }
        Map<String, Node> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyText(tuple, path);
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!Arrays.asList(keys).contains(key)) {
                throw new ConfigException("unknown key '" + keyPath + "' (allowed here: "
                        + String.join(", ", new TreeSet<>(Arrays.asList(keys))) + ")");
            }
            if (byKey.put(key, tuple.getValueNode()) != null) {
                throw new ConfigException("key '" + keyPath + "' is given twice");
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String keyPath = path.isEmpty() ? keys[i] : path + "." + keys[i];
            Node value = byKey.get(keys[i]);
            if (value == null) {
                throw new ConfigException("key '" + keyPath + "' is missing");
            }
            args[i] = bind(value, components[i].getGenericType(), keyPath);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static List<Object> list(Node node, Type elementType, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            throw mismatch(path, "must be a list");
        }
        List<Object> out = new ArrayList<>(sequence.getValue().size());
        for (Node element : sequence.getValue()) {
            out.add(bind(element, elementType, path + "[" + out.size() + "]"));
        }
        return List.copyOf(out);
    }

    private static Object scalar(Node node, Class<?> type, String path) {
        if (!(node instanceof ScalarNode scalar)) {
            throw mismatch(path, "must be " + article(typeName(type)));
        }
        String text = scalar.getValue();
        if (scalar.getTag().equals(Tag.NULL)) {
            throw mismatch(path, "needs a value (" + article(typeName(type)) + ")");
        }
        if (type == String.class) {
            return text;
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw invalid(path, text, type);
        }
        String digits = text.replace("_", "");
        try {
            if (type == double.class) {
                double value = Double.parseDouble(digits);
                if (!Double.isFinite(value)) {
                    throw invalid(path, text, type);
                }
                return value;
            }
            if (type == int.class || type == long.class) {
                if (scalar.getTag().equals(Tag.FLOAT)) {
                    throw mismatch(path, "must be a whole number");
                }
                long value = Long.parseLong(digits);
                return type == long.class ? (Object) value : (Object) Math.toIntExact(value);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(path, text, type);
        }
        throw new IllegalStateException("no binding for " + type.getName() + " at " + path);
    }

    private static String keyText(NodeTuple tuple, String path) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
            return key.getValue();
        }
        throw mismatch(path, "has a key that is not plain text");
    }

    static String snakeCase(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ConfigException mismatch(String path, String what) {
        return new ConfigException(path.isEmpty() ? "the top level " + what : "key '" + path + "' " + what);
    }

    private static ConfigException invalid(String path, String text, Class<?> type) {
        return new ConfigException("key '" + path + "' has value \"" + text + "\" that is not a valid "
                + typeName(type));
    }

    private static String typeName(Class<?> type) {
        if (type == double.class) {
            return "number";
        }
        if (type == int.class || type == long.class) {
            return "whole number";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant);
            }
            return "one of " + names;
        }
        return "text";
    }

    private static String article(String typeName) {
        return typeName.startsWith("one of") ? typeName : "a " + typeName;
    }
}
