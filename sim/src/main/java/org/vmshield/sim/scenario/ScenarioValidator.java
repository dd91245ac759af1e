package org.vmshield.sim.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a scenario before it runs; the first problem found is thrown as a {@link ScenarioException}. */
public final class ScenarioValidator {
    private static final Set<String> CRITICALITIES = Set.of("LOW", "NORMAL", "CRITICAL");

    private ScenarioValidator() {}

    /** Validates {@code s}; returns it unchanged when it is runnable. */
    public static Scenario validate(Scenario s) {
        positive("durationSeconds", s.durationSeconds());
        ModelSettings m = s.settings();
        positive("settings.tickMillis", m.tickMillis());
        positive("settings.migrationBandwidthMiBPerSec", m.migrationBandwidthMiBPerSec());
        positive("settings.hostNicMiBPerSec", m.hostNicMiBPerSec());
        nonNegative("settings.hostOverheadMillisPerRequest", m.hostOverheadMillisPerRequest());
        nonNegative("settings.migrationCpuCores", m.migrationCpuCores());
        positive("settings.requestTimeoutMillis", m.requestTimeoutMillis());
        nonNegative("settings.bootMillis", m.bootMillis());
        nonNegative("settings.healthDelayMillis", m.healthDelayMillis());
        nonNegative("settings.drainMillis", m.drainMillis());
        positive("settings.downtimeLimitMillis", m.downtimeLimitMillis());
        if (s.hosts().isEmpty()) {
            throw new ScenarioException("hosts: empty (expected: at least one host)");
        }
        Map<String, HostSpec> hosts = new HashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            HostSpec h = s.hosts().get(i);
            String at = "hosts[" + i + "]";
            name(at + ".name", h.name());
            positive(at + ".cpuCores", h.cpuCores());
            positive(at + ".memoryMiB", h.memoryMiB());
            if (hosts.put(h.name(), h) != null) {
                throw new ScenarioException(at + ".name: " + h.name() + " (expected: unique host names)");
            }
        }
        Map<String, ServiceSpec> services = new HashMap<>();
        for (int i = 0; i < s.services().size(); i++) {
            ServiceSpec sv = s.services().get(i);
            String at = "services[" + i + "]";
            name(at + ".name", sv.name());
            if (services.put(sv.name(), sv) != null) {
                throw new ScenarioException(at + ".name: " + sv.name() + " (expected: unique service names)");
            }
            if (!CRITICALITIES.contains(sv.criticality())) {
                throw new ScenarioException(at + ".criticality: " + sv.criticality() + " (expected: one of LOW, NORMAL, CRITICAL)");
            }
            nonNegative(at + ".legitRps", sv.legitRps());
            positive(at + ".clients", sv.clients());
            if (sv.paths().isEmpty()) {
                throw new ScenarioException(at + ".paths: empty (expected: at least one path)");
            }
            double shares = 0;
            for (int j = 0; j < sv.paths().size(); j++) {
                PathSpec p = sv.paths().get(j);
                String pat = at + ".paths[" + j + "]";
                if (p.path() == null || !p.path().startsWith("/")) {
                    throw new ScenarioException(pat + ".path: " + p.path() + " (expected: a path starting with /)");
                }
                nonNegative(pat + ".share", p.share());
                positive(pat + ".costMillis", p.costMillis());
                positive(pat + ".attackCostMillis", p.craftedCostMillis());
                shares += p.share();
            }
            if (Math.abs(shares - 1) > 1e-6) {
                throw new ScenarioException(at + ".paths: shares sum to " + shares + " (expected: 1)");
            }
            if (sv.versions().isEmpty()) {
                throw new ScenarioException(at + ".versions: empty (expected: at least one version)");
            }
            Set<String> versions = new HashSet<>();
            for (VersionSpec v : sv.versions()) {
                name(at + ".versions[].version", v.version());
                versions.add(v.version());
            }
            if (!sv.patchedVersion().isEmpty() && !versions.contains(sv.patchedVersion())) {
                throw new ScenarioException(at + ".patchedVersion: " + sv.patchedVersion() + " (expected: one of " + versions + ")");
            }
            if (sv.minReplicas() < 1 || sv.maxReplicas() < sv.minReplicas()) {
                throw new ScenarioException(at + ".replicas: " + sv.minReplicas() + ".." + sv.maxReplicas()
                        + " (expected: 1 <= minReplicas <= maxReplicas)");
            }
        }
        Set<String> vmNames = new HashSet<>();
        Map<String, Long> memoryOnHost = new HashMap<>();
        for (int i = 0; i < s.vms().size(); i++) {
            VmSpec v = s.vms().get(i);
            String at = "vms[" + i + "]";
            name(at + ".name", v.name());
            if (!vmNames.add(v.name())) {
                throw new ScenarioException(at + ".name: " + v.name() + " (expected: unique VM names)");
            }
            HostSpec h = hosts.get(v.host());
            if (h == null) {
                throw new ScenarioException(at + ".host: " + v.host() + " (expected: a host of the scenario)");
            }
            ServiceSpec sv = services.get(v.service());
            if (sv == null) {
                throw new ScenarioException(at + ".service: " + v.service() + " (expected: a service of the scenario)");
            }
            if (sv.versions().stream().noneMatch(x -> x.version().equals(v.version()))) {
                throw new ScenarioException(at + ".version: " + v.version() + " (expected: a version of service " + sv.name() + ")");
            }
            positive(at + ".vcpus", v.vcpus());
            positive(at + ".cpuCapCores", v.cpuCapCores());
            positive(at + ".memoryMiB", v.memoryMiB());
            nonNegative(at + ".dirtyRateMiBPerSec", v.dirtyRateMiBPerSec());
            nonNegative(at + ".dirtyMiBPerSecPerCore", v.dirtyMiBPerSecPerCore());
            if (v.criticality() != null && !CRITICALITIES.contains(v.criticality())) {
                throw new ScenarioException(at + ".criticality: " + v.criticality() + " (expected: one of LOW, NORMAL, CRITICAL)");
            }
            long mem = memoryOnHost.merge(v.host(), v.memoryMiB(), Long::sum);
            if (mem > h.memoryMiB()) {
                throw new ScenarioException(at + ".memoryMiB: host " + h.name() + " would hold " + mem + " MiB (expected: <= "
                        + h.memoryMiB() + " MiB)");
            }
        }
        for (ServiceSpec sv : s.services()) {
            if (s.vms().stream().noneMatch(v -> v.service().equals(sv.name()))) {
                throw new ScenarioException("services." + sv.name() + ": no VM (expected: at least one VM per service)");
            }
        }
        for (int i = 0; i < s.attacks().size(); i++) {
            validateAttack("attacks[" + i + "]", s.attacks().get(i), services);
        }
        return s;
    }

    private static void validateAttack(String at, AttackSpec a, Map<String, ServiceSpec> services) {
        if (a.kind() == null) {
            throw new ScenarioException(at + ".kind: missing (expected: one of FLOOD, COST, FLASH_CROWD)");
        }
        if (a.targets().isEmpty()) {
            throw new ScenarioException(at + ".targets: empty (expected: at least one service)");
        }
        for (String t : a.targets()) {
            ServiceSpec sv = services.get(t);
            if (sv == null) {
                throw new ScenarioException(at + ".targets: " + t + " (expected: a service of the scenario)");
            }
            if (a.kind() == AttackKind.COST && sv.paths().stream().noneMatch(p -> p.path().equals(a.path()))) {
                throw new ScenarioException(at + ".path: " + a.path() + " (expected: a path of service " + t + ")");
            }
        }
        nonNegative(at + ".startSeconds", a.startSeconds());
        positive(at + ".durationSeconds", a.durationSeconds());
        positive(at + ".rps", a.rps());
        positive(at + ".sources", a.sources());
        nonNegative(at + ".pulseOnSeconds", a.pulseOnSeconds());
        nonNegative(at + ".pulseOffSeconds", a.pulseOffSeconds());
        nonNegative(at + ".hopSeconds", a.hopSeconds());
        if (a.path() == null || !a.path().startsWith("/")) {
            throw new ScenarioException(at + ".path: " + a.path() + " (expected: a path starting with /)");
        }
    }

    private static void name(String at, String v) {
        if (v == null || v.isBlank()) {
            throw new ScenarioException(at + ": " + v + " (expected: a non-empty name)");
        }
    }

    private static void positive(String at, Number v) {
        if (v == null || !(v.doubleValue() > 0) || Double.isInfinite(v.doubleValue())) {
            throw new ScenarioException(at + ": " + v + " (expected: > 0)");
        }
    }

    private static void nonNegative(String at, Number v) {
        if (v == null || !(v.doubleValue() >= 0) || Double.isInfinite(v.doubleValue())) {
            throw new ScenarioException(at + ": " + v + " (expected: >= 0)");
        }
    }

    static List<String> criticalities() {
        return List.copyOf(CRITICALITIES);
    }
}
