package org.vmshield.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads typed fields of a YAML mapping; every error names the field and what was expected. */
final class YamlFields {
    private final JsonNode node;
    private final String where;

    YamlFields(JsonNode node, String where, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(where + ": " + describe(node) + " (expected: a mapping of "
                    + String.join(", ", new TreeSet<>(allowed)) + ")");
        }
        this.node = node;
        this.where = where;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(at(key) + ": unknown key (expected one of: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    String at(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode get(String key) {
        return node.get(key);
    }

    String text(String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw new ConfigException(at(key) + ": missing (expected: a value)");
            }
            return dflt;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigException(at(key) + ": " + describe(v) + " (expected: non-blank text)");
        }
        return v.asText();
    }

    long integer(String key, Long dflt, long min, long max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw new ConfigException(at(key) + ": missing (expected: an integer " + min + ".." + max + ")");
            }
            return dflt;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw new ConfigException(at(key) + ": " + describe(v) + " (expected: an integer " + min + ".." + max + ")");
        }
        return v.asLong();
    }

    double number(String key, Double dflt, double min, double max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw new ConfigException(at(key) + ": missing (expected: a number " + min + ".." + max + ")");
            }
            return dflt;
        }
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw new ConfigException(at(key) + ": " + describe(v) + " (expected: a number " + min + ".." + max + ")");
        }
        return v.asDouble();
    }

    boolean bool(String key, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new ConfigException(at(key) + ": " + describe(v) + " (expected: true or false)");
        }
        return v.asBoolean();
    }

    List<String> texts(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(at(key) + ": " + describe(v) + " (expected: a list of text)");
        }
        int i = 0;
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.asText().isBlank()) {
                throw new ConfigException(at(key) + "[" + i + "]: " + describe(e) + " (expected: non-blank text)");
            }
            out.add(e.asText());
            i++;
        }
        return out;
    }

    List<JsonNode> list(String key, boolean required) {
        JsonNode v = node.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) {
                throw new ConfigException(at(key) + ": missing (expected: a list)");
            }
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigException(at(key) + ": " + describe(v) + " (expected: a list)");
        }
        v.forEach(out::add);
        return out;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "missing";
        }
        if (v.isValueNode()) {
            return "'" + v.asText() + "'";
        }
        return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
