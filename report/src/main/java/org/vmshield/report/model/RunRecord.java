package org.vmshield.report.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Records what was measured during one demo run: the input of every report.
 * Build it with {@link #builder()}; the constructor validates everything and throws
 * {@link IllegalArgumentException} with a message saying what was expected.
 *
 * @param scenario           the scenario's name, e.g. "canonical"
 * @param attackKind         the attack profile, e.g. "mixed"
 * @param mitigation         whether vmshield was allowed to act (false: observing only)
 * @param durationMs         the run's length; every time below lies in [0, durationMs]
 * @param attackOnsetMs      when the attack started
 * @param attackEndMs        when the attack stopped
 * @param services           per service (in display order), its per-second samples in increasing seconds
 * @param hostCpu            per-second CPU samples of every host, increasing seconds per host
 * @param attack             per-second attack rates, increasing seconds
 * @param events             incident and action events, sorted by time (the constructor sorts them, stably)
 * @param migrations         completed live migrations
 * @param versionSwitches    completed version switches
 * @param rules              filter rules added
 * @param legitRefused       legitimate sources refused by a guard (false positives)
 * @param detectionSeconds   seconds from onset to the first incident, empty when none was detected
 * @param firstActionSeconds seconds from onset to the first mitigation action started, empty when none
 * @param exactPhases        per service and phase, exact aggregates (from latency histograms); they win
 *                           over the ones estimated from the samples; may be empty
 */
public record RunRecord(
        String scenario,
        String attackKind,
        boolean mitigation,
        long durationMs,
        long attackOnsetMs,
        long attackEndMs,
        Map<String, List<ServiceSecond>> services,
        List<HostCpuSecond> hostCpu,
        List<AttackSecond> attack,
        List<RunEvent> events,
        List<Migration> migrations,
        List<VersionSwitch> versionSwitches,
        List<RuleAdded> rules,
        long legitRefused,
        OptionalDouble detectionSeconds,
        OptionalDouble firstActionSeconds,
        Map<String, Map<Phase, PhaseStats>> exactPhases) {

    /** Validates the record and makes immutable copies of its collections. */
    public RunRecord {
        Checks.text("scenario", scenario);
        Checks.text("attackKind", attackKind);
        if (durationMs <= 0) {
            throw new IllegalArgumentException("durationMs: " + durationMs + " (expected: > 0)");
        }
        Checks.nonNegative("attackOnsetMs", attackOnsetMs);
        if (attackEndMs <= attackOnsetMs || attackEndMs > durationMs) {
            throw new IllegalArgumentException(String.format(
                    "attackEndMs: %d (expected: > attackOnsetMs %d and <= durationMs %d)",
                    attackEndMs, attackOnsetMs, durationMs));
        }
        services = copyServices(services, durationMs);
        hostCpu = List.copyOf(hostCpu);
        checkHostCpu(hostCpu, durationMs);
        attack = List.copyOf(attack);
        int previous = -1;
        for (AttackSecond sample : attack) {
            previous = checkSecond("attack", previous, sample.second(), durationMs);
        }
        List<RunEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(RunEvent::atMs));
        events = List.copyOf(sorted);
        for (RunEvent event : events) {
            checkWithinRun("event \"" + event.label() + "\" atMs", event.atMs(), durationMs);
        }
        migrations = List.copyOf(migrations);
        for (Migration migration : migrations) {
            checkWithinRun("migration of " + migration.vm() + " startMs", migration.startMs(), durationMs);
        }
        versionSwitches = List.copyOf(versionSwitches);
        for (VersionSwitch versionSwitch : versionSwitches) {
            checkWithinRun("version switch of " + versionSwitch.vm() + " startMs", versionSwitch.startMs(), durationMs);
        }
        rules = List.copyOf(rules);
        Checks.nonNegative("legitRefused", legitRefused);
        Objects.requireNonNull(detectionSeconds, "detectionSeconds");
        Objects.requireNonNull(firstActionSeconds, "firstActionSeconds");
        detectionSeconds.ifPresent(seconds -> Checks.nonNegative("detectionSeconds", seconds));
        firstActionSeconds.ifPresent(seconds -> Checks.nonNegative("firstActionSeconds", seconds));
        exactPhases = copyExactPhases(exactPhases, services.keySet());
    }

    /** Returns a builder for a run; scenario, attack kind, duration and attack window are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the services' names in display order. */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    /** Returns the hosts' names in order of first appearance in {@link #hostCpu}. */
    public List<String> hostNames() {
        Set<String> names = new LinkedHashSet<>();
        hostCpu.forEach(sample -> names.add(sample.host()));
        return List.copyOf(names);
    }

    /** Returns the exact stats of a service in a phase, if the caller gave them. */
    public Optional<PhaseStats> exactPhase(String service, Phase phase) {
        Map<Phase, PhaseStats> byPhase = exactPhases.get(service);
        return Optional.ofNullable(byPhase == null ? null : byPhase.get(phase));
    }

    private static Map<String, List<ServiceSecond>> copyServices(
            Map<String, List<ServiceSecond>> services, long durationMs) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("services: none (expected: at least one service)");
        }
        Map<String, List<ServiceSecond>> copy = new LinkedHashMap<>();
        services.forEach((name, samples) -> {
            Checks.text("service name", name);
            List<ServiceSecond> list = List.copyOf(samples);
            int previous = -1;
            for (ServiceSecond sample : list) {
                previous = checkSecond("service " + name, previous, sample.second(), durationMs);
            }
            copy.put(name, list);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void checkHostCpu(List<HostCpuSecond> hostCpu, long durationMs) {
        Map<String, Integer> previous = new HashMap<>();
        for (HostCpuSecond sample : hostCpu) {
            int last = previous.getOrDefault(sample.host(), -1);
            previous.put(sample.host(), checkSecond("host " + sample.host(), last, sample.second(), durationMs));
        }
    }

    private static int checkSecond(String what, int previous, int second, long durationMs) {
        if (second <= previous) {
            throw new IllegalArgumentException(String.format(
                    "%s: sample of second %d after second %d (expected: samples in increasing seconds)",
                    what, second, previous));
        }
        if (second * 1000L >= durationMs) {
            throw new IllegalArgumentException(String.format(
                    "%s: sample of second %d (expected: a second that starts before durationMs %d)",
                    what, second, durationMs));
        }
        return second;
    }

    private static void checkWithinRun(String what, long atMs, long durationMs) {
        if (atMs > durationMs) {
            throw new IllegalArgumentException(String.format("%s: %d (expected: <= durationMs %d)", what, atMs, durationMs));
        }
    }

    private static Map<String, Map<Phase, PhaseStats>> copyExactPhases(
            Map<String, Map<Phase, PhaseStats>> exactPhases, Set<String> serviceNames) {
        Map<String, Map<Phase, PhaseStats>> copy = new LinkedHashMap<>();
        exactPhases.forEach((service, byPhase) -> {
            if (!serviceNames.contains(service)) {
                throw new IllegalArgumentException(String.format(
                        "exact phases of service %s (expected: one of the services %s)", service, serviceNames));
            }
            Map<Phase, PhaseStats> phases = new EnumMap<>(Phase.class);
            phases.putAll(byPhase);
            copy.put(service, Collections.unmodifiableMap(phases));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Collects a run's figures while it is measured; {@link #build()} validates them. */
    public static final class Builder {
        private String scenario;
        private String attackKind;
        private boolean mitigation = true;
        private long durationMs = -1;
        private long attackOnsetMs = -1;
        private long attackEndMs = -1;
        private final Map<String, List<ServiceSecond>> services = new LinkedHashMap<>();
        private final List<HostCpuSecond> hostCpu = new ArrayList<>();
        private final List<AttackSecond> attack = new ArrayList<>();
        private final List<RunEvent> events = new ArrayList<>();
        private final List<Migration> migrations = new ArrayList<>();
        private final List<VersionSwitch> versionSwitches = new ArrayList<>();
        private final List<RuleAdded> rules = new ArrayList<>();
        private long legitRefused;
        private OptionalDouble detectionSeconds = OptionalDouble.empty();
        private OptionalDouble firstActionSeconds = OptionalDouble.empty();
        private final Map<String, Map<Phase, PhaseStats>> exactPhases = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the scenario's name. */
        public Builder scenario(String scenario) {
            this.scenario = scenario;
            return this;
        }

        /** Sets the attack profile's name. */
        public Builder attackKind(String attackKind) {
            this.attackKind = attackKind;
            return this;
        }

        /** Sets whether vmshield was allowed to act (default true). */
        public Builder mitigation(boolean mitigation) {
            this.mitigation = mitigation;
            return this;
        }

        /** Sets the run's length. */
        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /** Sets when the attack started and stopped, in ms from the start of the run. */
        public Builder attackWindow(long onsetMs, long endMs) {
            this.attackOnsetMs = onsetMs;
            this.attackEndMs = endMs;
            return this;
        }

        /** Declares a service (services are shown in the order declared or first sampled). */
        public Builder service(String name) {
            services.computeIfAbsent(name, ignored -> new ArrayList<>());
            return this;
        }

        /** Adds a service's sample; samples of one service must come in increasing seconds. */
        public Builder addServiceSecond(String service, ServiceSecond sample) {
            services.computeIfAbsent(service, ignored -> new ArrayList<>()).add(Objects.requireNonNull(sample));
            return this;
        }

        /** Adds a host's CPU sample. */
        public Builder addHostCpu(HostCpuSecond sample) {
            hostCpu.add(Objects.requireNonNull(sample));
            return this;
        }

        /** Adds the attack's rates of one second. */
        public Builder addAttack(AttackSecond sample) {
            attack.add(Objects.requireNonNull(sample));
            return this;
        }

        /** Adds an incident or action event. */
        public Builder addEvent(long atMs, EventKind kind, String label) {
            events.add(new RunEvent(atMs, kind, label));
            return this;
        }

        /** Adds a completed live migration. */
        public Builder addMigration(Migration migration) {
            migrations.add(Objects.requireNonNull(migration));
            return this;
        }

        /** Adds a completed version switch. */
        public Builder addVersionSwitch(VersionSwitch versionSwitch) {
            versionSwitches.add(Objects.requireNonNull(versionSwitch));
            return this;
        }

        /** Adds a filter rule the controller added. */
        public Builder addRule(String id, String description) {
            rules.add(new RuleAdded(id, description));
            return this;
        }

        /** Sets how many legitimate sources a guard refused. */
        public Builder legitRefused(long legitRefused) {
            this.legitRefused = legitRefused;
            return this;
        }

        /** Sets the seconds from onset to detection (leave unset when nothing was detected). */
        public Builder detectionSeconds(double seconds) {
            this.detectionSeconds = OptionalDouble.of(seconds);
            return this;
        }

        /** Sets the seconds from onset to the first action (leave unset when none was taken). */
        public Builder firstActionSeconds(double seconds) {
            this.firstActionSeconds = OptionalDouble.of(seconds);
            return this;
        }

        /** Sets the exact aggregates of a service in a phase; they win over the ones estimated from samples. */
        public Builder exactPhase(String service, Phase phase, PhaseStats stats) {
            exactPhases.computeIfAbsent(service, ignored -> new EnumMap<>(Phase.class))
                    .put(Objects.requireNonNull(phase), Objects.requireNonNull(stats));
            return this;
        }

        /** Returns the validated record; throws IllegalArgumentException on bad input. */
        public RunRecord build() {
            if (durationMs < 0 || attackOnsetMs < 0) {
                checkSet();
            }
            return new RunRecord(scenario, attackKind, mitigation, durationMs, attackOnsetMs, attackEndMs,
                    services, hostCpu, attack, events, migrations, versionSwitches, rules, legitRefused,
                    detectionSeconds, firstActionSeconds, exactPhases);
        }

        private void checkSet() {
            if (durationMs < 0) {
                throw new IllegalArgumentException("durationMs: " + durationMs + " (expected: set, > 0)");
            }
            throw new IllegalArgumentException(String.format(
                    "attack window: onset %d ms, end %d ms (expected: set, 0 <= onset < end)", attackOnsetMs, attackEndMs));
        }
    }
}
