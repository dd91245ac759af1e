package org.vmshield.balancer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads config records from YAML or JSON, strictly (unknown fields are errors), and turns Jackson's
 * errors into messages that name the field and say what was expected. Start at {@link #loadFile}.
 */
public final class ConfigMapper {
    private static final ObjectMapper YAML = strict(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = strict(new ObjectMapper());

    private ConfigMapper() {}

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Returns the JSON mapper used for admin API bodies and answers. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Loads and validates a YAML config file. */
    public static BalancerConfig loadFile(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("file not found (expected: a readable YAML file)"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
        return parseYaml(file.toString(), text);
    }

    /** Parses and validates YAML text; {@code source} names it in messages. */
    public static BalancerConfig parseYaml(String source, String text) throws ConfigException {
        BalancerConfig config = read(YAML, source, text, BalancerConfig.class);
        if (config == null) {
            throw new ConfigException(source, List.of("empty document (expected: a mapping with listeners, pools, ...)"));
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /** Reads one JSON value of {@code type}; throws ConfigException with a field-level message. */
    public static <T> T readJson(String source, String text, Class<T> type) throws ConfigException {
        T value = read(JSON, source, text, type);
        if (value == null) {
            throw new ConfigException(source, List.of("empty body (expected: a JSON object)"));
        }
        return value;
    }

    private static <T> T read(ObjectMapper mapper, String source, String text, Class<T> type) throws ConfigException {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(describe(e)));
        }
    }

    /** Returns a message naming the field at fault and what was expected. */
    static String describe(JsonProcessingException e) {
        String at = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String where = at.isEmpty() ? "document" : at;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return where + ": unknown field (expected one of: " + known + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": " + f.getValue() + " (expected: " + simpleType(f.getTargetType()) + ")";
        }
        if (e instanceof MismatchedInputException m) {
            return where + ": wrong type (expected: " + simpleType(m.getTargetType()) + ")";
        }
        String msg = e.getOriginalMessage();
        return where + ": " + (msg == null ? "invalid" : msg.lines().findFirst().orElse("invalid"))
                + " (expected: well-formed " + (e.getLocation() != null ? "text at line " + e.getLocation().getLineNr() : "text") + ")";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a mapping (" + type.getSimpleName() + ")";
        }
        return type.getSimpleName();
    }
}
