package org.vmshield.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.ClusterFile;
import org.vmshield.hypervisor.cluster.NetworkMode;

/**
 * Reads the controller's YAML configuration (see docs/controller.md and
 * controller/examples/cluster.yaml). Unknown keys are errors, so that a typo is never ignored;
 * every error names the field and what was expected.
 */
public final class ControllerConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("network", "hosts", "clusterFile", "services", "vms", "migration",
            "tickMillis", "stepTimeoutMillis", "dryRun", "journal", "admin");
    private static final Set<String> HOST = Set.of("name", "cpuCores", "memoryMiB", "labels");
    private static final Set<String> SERVICE = Set.of("name", "pool", "listenPort", "criticality", "versions",
            "patchedVersion", "minReplicas", "maxReplicas", "healthPath");
    private static final Set<String> VERSION = Set.of("name", "vulnerablePaths");
    private static final Set<String> VM = Set.of("name", "service", "version", "host", "vcpus", "memoryMiB",
            "criticality", "antiAffinity");
    private static final Set<String> MIGRATION = Set.of("bandwidthMiBPerSec", "autoConverge", "postCopy", "timeoutMillis");
    private static final Set<String> ADMIN = Set.of("bind", "port", "token");

    private ControllerConfigFile() {}

    /** Reads and validates the file; relative paths inside it are resolved against its folder. */
    public static ControllerConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config " + file + ": not found (expected: a YAML file, e.g. controller/examples/cluster.yaml)");
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot be read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            return parse(text, base);
        } catch (ConfigException e) {
            throw new ConfigException("config " + file + ": " + e.getMessage());
        }
    }

    /** Parses and validates YAML; {@code baseDir} resolves relative paths (cluster file, journal). */
    public static ControllerConfig parse(String yaml, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        YamlFields top = new YamlFields(root, "", TOP);
        Optional<NetworkMode> network = Optional.empty();
        List<HostDecl> hosts = new ArrayList<>();
        if (top.has("clusterFile")) {
            if (top.has("hosts") || top.has("network")) {
                throw new ConfigException("clusterFile: given with hosts or network (expected: either clusterFile, or hosts and network)");
            }
            ClusterConfig cluster;
            try {
                cluster = ClusterFile.load(baseDir.resolve(top.text("clusterFile", null)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("clusterFile: " + e.getMessage());
            }
            network = cluster.network();
            for (HostSpec h : cluster.hosts()) {
                hosts.add(new HostDecl(h.name(), h.cpuCores(), h.memoryMiB(), Set.of()));
            }
        } else {
            if (top.has("network")) {
                String n = top.text("network", null);
                try {
                    network = Optional.of(NetworkMode.valueOf(n.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("network: '" + n + "' (expected: bridge or user)");
                }
            }
            hosts = hosts(top);
        }
        List<ServiceDecl> services = services(top);
        List<VmDecl> vms = vms(top, hosts, services);
        MigrationDecl migration = migration(top);
        long tick = top.integer("tickMillis", ControllerConfig.DEFAULT_TICK_MILLIS, 50, 60_000);
        long stepTimeout = top.integer("stepTimeoutMillis", ControllerConfig.DEFAULT_STEP_TIMEOUT_MILLIS, 100, 600_000);
        boolean dryRun = top.bool("dryRun", false);
        Path journal = baseDir.resolve(top.text("journal", "vmshield-journal.db"));
        AdminDecl admin = admin(top);
        return new ControllerConfig(network, hosts, services, vms, migration, tick, stepTimeout, dryRun, journal, admin);
    }

    private static List<HostDecl> hosts(YamlFields top) {
        List<HostDecl> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> list = top.list("hosts", true);
        if (list.isEmpty()) {
            throw new ConfigException("hosts: empty (expected: at least one host, or clusterFile)");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "hosts[" + i + "]";
            YamlFields f = new YamlFields(list.get(i), at, HOST);
            String name = f.text("name", null);
            double cores = f.number("cpuCores", null, 0.05, 1024);
            long memory = f.integer("memoryMiB", null, 64, 16L << 20);
            try {
                new HostSpec(name, cores, memory);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(at + ": " + e.getMessage());
            }
            if (!names.add(name)) {
                throw new ConfigException(at + ".name: '" + name + "' (expected: unique host names)");
            }
            out.add(new HostDecl(name, cores, memory, new LinkedHashSet<>(f.texts("labels"))));
        }
        return out;
    }

    private static List<ServiceDecl> services(YamlFields top) {
        List<ServiceDecl> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> pools = new HashSet<>();
        Set<Long> ports = new HashSet<>();
        List<JsonNode> list = top.list("services", true);
        if (list.isEmpty()) {
            throw new ConfigException("services: empty (expected: at least one service)");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "services[" + i + "]";
            YamlFields f = new YamlFields(list.get(i), at, SERVICE);
            String name = f.text("name", null);
            checkName(f.at("name"), name);
            String pool = f.text("pool", name);
            checkName(f.at("pool"), pool);
            if (!names.add(name)) {
                throw new ConfigException(f.at("name") + ": '" + name + "' (expected: unique service names)");
            }
            if (!pools.add(pool)) {
                throw new ConfigException(f.at("pool") + ": '" + pool + "' (expected: one service per pool)");
            }
            long port = f.integer("listenPort", 0L, 0, 65535);
            if (port != 0 && !ports.add(port)) {
                throw new ConfigException(f.at("listenPort") + ": " + port + " (expected: a port no other service uses)");
            }
            Criticality criticality = criticality(f, "criticality", Criticality.NORMAL);
            List<ServiceVersion> versions = new ArrayList<>();
            Set<String> versionNames = new HashSet<>();
            List<JsonNode> vs = f.list("versions", true);
            if (vs.isEmpty()) {
                throw new ConfigException(f.at("versions") + ": empty (expected: at least one version, e.g. v1)");
            }
            for (int j = 0; j < vs.size(); j++) {
                YamlFields vf = new YamlFields(vs.get(j), f.at("versions") + "[" + j + "]", VERSION);
                String v = vf.text("name", null);
                if (!versionNames.add(v)) {
                    throw new ConfigException(vf.at("name") + ": '" + v + "' (expected: unique versions)");
                }
                List<String> paths = vf.texts("vulnerablePaths");
                for (String p : paths) {
                    if (!p.startsWith("/")) {
                        throw new ConfigException(vf.at("vulnerablePaths") + ": '" + p + "' (expected: a path starting with /)");
                    }
                }
                versions.add(new ServiceVersion(v, Set.copyOf(paths)));
            }
            String patched = f.has("patchedVersion") ? f.text("patchedVersion", null) : "";
            if (!patched.isEmpty() && !versionNames.contains(patched)) {
                throw new ConfigException(f.at("patchedVersion") + ": '" + patched + "' (expected: one of the versions "
                        + versionNames + ")");
            }
            int min = (int) f.integer("minReplicas", 1L, 1, 100);
            int max = (int) f.integer("maxReplicas", (long) Math.max(min, 3), 1, 100);
            if (max < min) {
                throw new ConfigException(f.at("maxReplicas") + ": " + max + " (expected: >= minReplicas " + min + ")");
            }
            String health = f.text("healthPath", "/health");
            if (!health.startsWith("/")) {
                throw new ConfigException(f.at("healthPath") + ": '" + health + "' (expected: a path starting with /)");
            }
            out.add(new ServiceDecl(name, pool, (int) port, criticality, versions, patched, min, max, health));
        }
        return out;
    }

    private static List<VmDecl> vms(YamlFields top, List<HostDecl> hosts, List<ServiceDecl> services) {
        List<VmDecl> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> list = top.list("vms", false);
        for (int i = 0; i < list.size(); i++) {
            String at = "vms[" + i + "]";
            YamlFields f = new YamlFields(list.get(i), at, VM);
            String name = f.text("name", null);
            String serviceName = f.text("service", null);
            ServiceDecl service = services.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                    .orElseThrow(() -> new ConfigException(f.at("service") + ": '" + serviceName
                            + "' (expected: one of the services " + services.stream().map(ServiceDecl::name).toList() + ")"));
            String version = f.text("version", service.versions().get(0).version());
            if (!service.hasVersion(version)) {
                throw new ConfigException(f.at("version") + ": '" + version + "' (expected: a version of service "
                        + serviceName + ": " + service.versions().stream().map(ServiceVersion::version).toList() + ")");
            }
            String host = f.text("host", null);
            if (hosts.stream().noneMatch(h -> h.name().equals(host))) {
                throw new ConfigException(f.at("host") + ": '" + host + "' (expected: one of the hosts "
                        + hosts.stream().map(HostDecl::name).toList() + ")");
            }
            int vcpus = (int) f.integer("vcpus", 1L, 1, 8);
            long memory = f.integer("memoryMiB", 256L, 64, 16384);
            try {
                new VmSpec(name, serviceName, version, vcpus, memory, host);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(at + ": " + e.getMessage());
            }
            if (!names.add(name)) {
                throw new ConfigException(f.at("name") + ": '" + name + "' (expected: unique VM names)");
            }
            Criticality criticality = criticality(f, "criticality", service.criticality());
            out.add(new VmDecl(name, serviceName, version, host, vcpus, memory, criticality, f.texts("antiAffinity")));
        }
        return out;
    }

    private static MigrationDecl migration(YamlFields top) {
        if (!top.has("migration")) {
            return new MigrationDecl(300, true, false, 120_000);
        }
        YamlFields f = new YamlFields(top.get("migration"), "migration", MIGRATION);
        return new MigrationDecl(f.number("bandwidthMiBPerSec", 300.0, 1, 1_000_000), f.bool("autoConverge", true),
                f.bool("postCopy", false), f.integer("timeoutMillis", 120_000L, 1000, 3_600_000));
    }

    private static AdminDecl admin(YamlFields top) {
        if (!top.has("admin")) {
            return new AdminDecl("127.0.0.1", AdminDecl.DEFAULT_PORT, null);
        }
        YamlFields f = new YamlFields(top.get("admin"), "admin", ADMIN);
        String bind = f.text("bind", "127.0.0.1");
        int port = (int) f.integer("port", (long) AdminDecl.DEFAULT_PORT, 0, 65535);
        String token = f.has("token") ? f.text("token", null) : null;
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("admin.bind: '" + bind + "' (expected: an IP address)");
        }
        if (!address.isLoopbackAddress() && (token == null || token.length() < 16)) {
            throw new ConfigException("admin.token: " + (token == null ? "missing" : "too short")
                    + " (expected: a bearer token of at least 16 characters when admin.bind is not loopback)");
        }
        return new AdminDecl(bind, port, token);
    }

    private static Criticality criticality(YamlFields f, String key, Criticality dflt) {
        if (!f.has(key)) {
            return dflt;
        }
        String v = f.text(key, null);
        try {
            return Criticality.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(f.at(key) + ": '" + v + "' (expected: low, normal or critical)");
        }
    }

    private static void checkName(String at, String name) {
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new ConfigException(at + ": '" + name + "' (expected: lower-case letters, digits and '-', starting with a letter, at most 32)");
        }
    }
}
