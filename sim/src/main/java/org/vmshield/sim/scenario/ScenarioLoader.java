package org.vmshield.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads scenarios from YAML (files, strings, or the built-in {@code paper} scenario) and validates them. */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioLoader() {}

    /** Returns the paper's canonical scenario (resource {@code paper.yaml}). */
    public static Scenario paper() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("paper.yaml")) {
            if (in == null) {
                throw new IllegalStateException("resource paper.yaml missing from the jar");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "paper.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read paper.yaml", e);
        }
    }

    /** Reads and validates a scenario file. */
    public static Scenario load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ScenarioException("scenario file " + file + ": not found (expected: a readable YAML file)");
        } catch (IOException e) {
            throw new ScenarioException("scenario file " + file + ": " + e.getMessage() + " (expected: a readable YAML file)", e);
        }
    }

    /** Parses and validates scenario YAML; {@code origin} names it in error messages. */
    public static Scenario parse(String yaml, String origin) {
        Scenario s;
        try {
            s = YAML.readValue(yaml, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(origin + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : "")
                    + " (expected: a scenario as described in docs/simulator.md)", e);
        }
        if (s == null) {
            throw new ScenarioException(origin + ": empty (expected: a scenario as described in docs/simulator.md)");
        }
        try {
            return ScenarioValidator.validate(s);
        } catch (ScenarioException e) {
            throw new ScenarioException(origin + ": " + e.getMessage(), e);
        }
    }
}
