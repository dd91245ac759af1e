package org.vmshield.balancer.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vmshield.balancer.guard.rule.GuardRule;

/**
 * Reads guard rules from JSON (admin API) or from a YAML/JSON tree (config), and writes them back.
 * Bad input gets an {@link IllegalArgumentException} whose message names the field and says what
 * was expected, e.g. {@code rules[2]: rule r1: rateRps: -1.0 (expected: > 0 and <= 1000000)}.
 */
public final class GuardRuleParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private GuardRuleParser() {}

    /** Parses one rule from JSON text. */
    public static GuardRule parseJson(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rule: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return parse(node);
    }

    /** Parses one rule from a JSON/YAML tree node. */
    public static GuardRule parse(JsonNode node) {
        return parse(node, "rule");
    }

    /**
     * Parses a list of rules (a JSON/YAML array); ids must be unique.
     *
     * @throws IllegalArgumentException naming the element, e.g. {@code rules[3]: ...}
     */
    public static List<GuardRule> parseList(JsonNode array) {
        if (array == null || array.isNull() || array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("rules: " + array.getNodeType() + " (expected: a list of rules)");
        }
        List<GuardRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            GuardRule r = parse(array.get(i), "rules[" + i + "]");
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("rules[" + i + "]: id: \"" + r.id() + "\" (expected: unique ids)");
            }
            out.add(r);
        }
        return out;
    }

    /** Writes a rule as JSON (with its {@code type}). */
    public static String toJson(GuardRule rule) {
        try {
            return MAPPER.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the rule as a JSON tree (with its {@code type}). */
    public static JsonNode toTree(GuardRule rule) {
        return MAPPER.valueToTree(rule);
    }

    private static GuardRule parse(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": " + (node == null ? "missing" : node.getNodeType())
                    + " (expected: an object with a type field: " + GuardRule.TYPES + ")");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException(where + ": type: " + (type == null ? "missing" : type)
                    + " (expected: one of " + GuardRule.TYPES + ")");
        }
        try {
            return MAPPER.treeToValue(node, GuardRule.class);
        } catch (ValueInstantiationException e) {
            Throwable c = e.getCause();
            String msg = c instanceof IllegalArgumentException ? c.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(where + ": " + msg, e);
        } catch (InvalidTypeIdException e) {
            throw new IllegalArgumentException(where + ": type: \"" + type.asText() + "\" (expected: one of "
                    + GuardRule.TYPES + ")", e);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new IllegalArgumentException(where + ": " + e.getPropertyName() + ": unknown field for type "
                    + type.asText() + " (expected one of: type, " + known + ")", e);
        } catch (JsonMappingException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException && c.getMessage() != null) {
                throw new IllegalArgumentException(where + ": " + c.getMessage(), e);
            }
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException(where + ": " + (field.isEmpty() ? "" : field + ": ")
                    + "wrong value (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
