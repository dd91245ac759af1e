package org.vmshield.hypervisor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vmshield.hypervisor.HostSpec;

/**
 * Reads a cluster file: YAML with {@code network} (optional: {@code bridge} or {@code user}) and
 * {@code hosts}, a list of {@code name}, {@code cpuCores}, {@code memoryMiB}. Unknown keys are
 * errors, so that a typo is not silently ignored.
 */
public final class ClusterFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("network", "hosts");
    private static final Set<String> HOST_KEYS = Set.of("name", "cpuCores", "memoryMiB");

    private ClusterFile() {}

    /** Reads and validates the cluster file at {@code path}; throws IllegalArgumentException that names the file and the problem. */
    public static ClusterConfig load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cluster file " + path + ": not found (expected: a YAML file with hosts)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cluster file " + path + ": cannot be read: " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cluster file " + path + ": " + e.getMessage());
        }
    }

    /** Parses and validates cluster YAML. */
    public static ClusterConfig parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a mapping with 'hosts' (and optionally 'network')");
        }
        checkKeys(root, TOP_KEYS, "top level");
        Optional<NetworkMode> network = Optional.empty();
        JsonNode net = root.get("network");
        if (net != null && !net.isNull()) {
            String value = net.asText("").toUpperCase(Locale.ROOT);
            try {
                network = Optional.of(NetworkMode.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("network: " + net.asText() + " (expected: bridge or user)");
            }
        }
        JsonNode hostsNode = root.get("hosts");
        if (hostsNode == null || !hostsNode.isArray()) {
            throw new IllegalArgumentException("hosts: " + (hostsNode == null ? "missing" : hostsNode.getNodeType())
                    + " (expected: a list of hosts with name, cpuCores, memoryMiB)");
        }
        List<HostSpec> hosts = new ArrayList<>();
        int index = 0;
        for (JsonNode h : hostsNode) {
            String where = "hosts[" + index++ + "]";
            if (!h.isObject()) {
                throw new IllegalArgumentException(where + ": expected a mapping with name, cpuCores, memoryMiB");
            }
            checkKeys(h, HOST_KEYS, where);
            JsonNode name = h.get("name");
            JsonNode cores = h.get("cpuCores");
            JsonNode memory = h.get("memoryMiB");
            if (name == null || !name.isTextual()) {
                throw new IllegalArgumentException(where + ".name: " + name + " (expected: a name)");
            }
            if (cores == null || !cores.isNumber()) {
                throw new IllegalArgumentException(where + ".cpuCores: " + cores + " (expected: a number of cores, e.g. 0.5)");
            }
            if (memory == null || !memory.canConvertToLong() || !memory.isIntegralNumber()) {
                throw new IllegalArgumentException(where + ".memoryMiB: " + memory + " (expected: an integer number of MiB)");
            }
            try {
                hosts.add(new HostSpec(name.asText(), cores.asDouble(), memory.asLong()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return new ClusterConfig(network, hosts);
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (expected one of: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
