package org.vmshield.brain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.VmUsage;

/**
 * Everything the brain knows about the cluster at one instant: hosts, VMs, services (with their
 * version catalogues), the filter rules and weights in force, the actions in flight, and the
 * migration bandwidth between hosts.
 *
 * <p>Immutable. Indexes (VMs by host, by service; rules by incident; ...) are built once at
 * construction so that the planner never scans every VM for every incident. A class rather than a
 * record because of those indexes; the {@code with...} methods return new states.
 */
public final class ClusterState {
    private final List<HostState> hosts;
    private final List<VmState> vms;
    private final List<ServiceState> services;
    private final List<FilterRule> rules;
    private final List<WeightSetting> weights;
    private final List<InFlightAction> inFlight;
    private final MigrationBandwidth bandwidth;
    private final List<IncidentChange> changes;

    private final Map<String, HostState> hostByName;
    private final Map<String, Integer> hostIndex;
    private final Map<String, VmState> vmByName;
    private final Map<String, List<VmState>> vmsByHost;
    private final Map<String, List<VmState>> vmsByService;
    private final Map<String, ServiceState> serviceByName;
    private final Map<String, ServiceState> serviceByPool;
    private final Map<String, FilterRule> ruleById;
    private final Map<String, InFlightAction> inFlightByVm;
    private final long[] committedMemoryMiB;
    private final double[] incomingCpuCores;
    private int[] hostsByHeadroom;

    /** Creates a state without recorded incident changes; see the full constructor. */
    public ClusterState(List<HostState> hosts, List<VmState> vms, List<ServiceState> services,
            List<FilterRule> rules, List<WeightSetting> weights, List<InFlightAction> inFlight,
            MigrationBandwidth bandwidth) {
        this(hosts, vms, services, rules, weights, inFlight, bandwidth, List.of());
    }

    /**
     * Creates a state; fails with a clear message on duplicate names or a VM on an unknown host or
     * of an unknown service.
     */
    public ClusterState(List<HostState> hosts, List<VmState> vms, List<ServiceState> services,
            List<FilterRule> rules, List<WeightSetting> weights, List<InFlightAction> inFlight,
            MigrationBandwidth bandwidth, List<IncidentChange> changes) {
        this.changes = List.copyOf(changes);
        this.hosts = List.copyOf(hosts);
        this.vms = List.copyOf(vms);
        this.services = List.copyOf(services);
        this.rules = List.copyOf(rules);
        this.weights = List.copyOf(weights);
        this.inFlight = List.copyOf(inFlight);
        this.bandwidth = Objects.requireNonNull(bandwidth, "bandwidth");

        hostByName = new HashMap<>(this.hosts.size() * 2);
        hostIndex = new HashMap<>(this.hosts.size() * 2);
        for (HostState h : this.hosts) {
            if (hostByName.put(h.name(), h) != null) {
                throw new IllegalArgumentException("host %s: duplicate (expected: unique host names)".formatted(h.name()));
            }
            hostIndex.put(h.name(), hostIndex.size());
        }
        serviceByName = new HashMap<>();
        serviceByPool = new HashMap<>();
        for (ServiceState s : this.services) {
            if (serviceByName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("service %s: duplicate (expected: unique service names)".formatted(s.name()));
            }
            if (serviceByPool.put(s.pool(), s) != null) {
                throw new IllegalArgumentException("pool %s: serves two services (expected: one service per pool)".formatted(s.pool()));
            }
        }
        vmByName = new HashMap<>(this.vms.size() * 2);
        Map<String, List<VmState>> byHost = new HashMap<>(this.hosts.size() * 2);
        Map<String, List<VmState>> byService = new HashMap<>();
        for (VmState v : this.vms) {
            if (vmByName.put(v.name(), v) != null) {
                throw new IllegalArgumentException("vm %s: duplicate (expected: unique VM names)".formatted(v.name()));
            }
            if (!hostByName.containsKey(v.host())) {
                throw new IllegalArgumentException("vm %s host: %s (expected: a known host)".formatted(v.name(), v.host()));
            }
            if (!serviceByName.containsKey(v.service())) {
                throw new IllegalArgumentException("vm %s service: %s (expected: a known service)".formatted(v.name(), v.service()));
            }
            byHost.computeIfAbsent(v.host(), k -> new ArrayList<>(4)).add(v);
            byService.computeIfAbsent(v.service(), k -> new ArrayList<>()).add(v);
        }
        byHost.replaceAll((k, l) -> Collections.unmodifiableList(l));
        byService.replaceAll((k, l) -> Collections.unmodifiableList(l));
        vmsByHost = byHost;
        vmsByService = byService;
        ruleById = new LinkedHashMap<>();
        for (FilterRule r : this.rules) {
            if (ruleById.put(r.id(), r) != null) {
                throw new IllegalArgumentException("rule %s: duplicate (expected: unique rule ids)".formatted(r.id()));
            }
        }
        inFlightByVm = new HashMap<>();
        for (InFlightAction a : this.inFlight) {
            inFlightByVm.put(a.vm(), a);
        }
        committedMemoryMiB = new long[this.hosts.size()];
        incomingCpuCores = new double[this.hosts.size()];
        for (VmState v : this.vms) {
            if (v.state().occupiesHost()) {
                committedMemoryMiB[hostIndex.get(v.host())] += v.memoryMiB();
            }
        }
        for (InFlightAction a : this.inFlight) {
            // A VM on its way to a host takes its share there before the host's measured use shows it.
            Integer to = hostIndex.get(a.toHost());
            VmState v = vmByName.get(a.vm());
            if (to != null && v != null && !v.host().equals(a.toHost())) {
                committedMemoryMiB[to] += v.memoryMiB();
                incomingCpuCores[to] += v.cpuCapCores();
            }
        }
    }

    /** Returns a state with hosts, VMs and services only: no rules, weights or actions in flight. */
    public static ClusterState of(List<HostState> hosts, List<VmState> vms, List<ServiceState> services,
            MigrationBandwidth bandwidth) {
        return new ClusterState(hosts, vms, services, List.of(), List.of(), List.of(), bandwidth);
    }

    /** Returns the hosts, in the order given. */
    public List<HostState> hosts() {
        return hosts;
    }

    /** Returns the VMs, in the order given. */
    public List<VmState> vms() {
        return vms;
    }

    /** Returns the services. */
    public List<ServiceState> services() {
        return services;
    }

    /** Returns the filter rules in force. */
    public List<FilterRule> rules() {
        return rules;
    }

    /** Returns the weights the controller changed. */
    public List<WeightSetting> weights() {
        return weights;
    }

    /** Returns the actions in flight. */
    public List<InFlightAction> inFlight() {
        return inFlight;
    }

    /** Returns the migration bandwidth between hosts. */
    public MigrationBandwidth bandwidth() {
        return bandwidth;
    }

    /** Returns the changes made for incidents that de-escalation may undo. */
    public List<IncidentChange> changes() {
        return changes;
    }

    /**
     * Returns the memory committed on a host: the larger of its measured use and the sum of its
     * VMs' memory, plus VMs migrating to it.
     */
    public long committedMemoryMiB(String host) {
        int i = hostIndex(host);
        if (i < 0) {
            return 0;
        }
        return Math.max(hosts.get(i).memoryUsedMiB(), committedMemoryMiB[i]);
    }

    /**
     * Returns the CPU counted as used on a host for placement: its measured use plus the CPU caps
     * of VMs migrating to it.
     */
    public double committedCpuCores(String host) {
        int i = hostIndex(host);
        return i < 0 ? 0 : hosts.get(i).cpuUsedCores() + incomingCpuCores[i];
    }

    /**
     * Returns the index into {@link #hosts()} of the host at {@code rank} when hosts are ordered by
     * free CPU (capacity minus {@link #committedCpuCores}) from most to least, ties by name. The
     * order is computed once, on first use.
     */
    public int hostAtHeadroomRank(int rank) {
        return headroomOrder()[rank];
    }

    private int[] headroomOrder() {
        int[] order = hostsByHeadroom;
        if (order == null) {
            int n = hosts.size();
            double[] free = new double[n];
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                free[i] = hosts.get(i).cpuCapacityCores() - hosts.get(i).cpuUsedCores() - incomingCpuCores[i];
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, (a, b) -> {
                int c = Double.compare(free[b], free[a]);
                return c != 0 ? c : hosts.get(a).name().compareTo(hosts.get(b).name());
            });
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            hostsByHeadroom = order; // benign race: every thread computes the same order
        }
        return order;
    }

    /** Returns the named host, if known. */
    public Optional<HostState> host(String name) {
        return Optional.ofNullable(hostByName.get(name));
    }

    /** Returns the position of the named host in {@link #hosts()}, or -1. */
    public int hostIndex(String name) {
        Integer i = hostIndex.get(name);
        return i == null ? -1 : i;
    }

    /** Returns the named VM, if known. */
    public Optional<VmState> vm(String name) {
        return Optional.ofNullable(vmByName.get(name));
    }

    /** Returns the VMs on a host (empty for an unknown or empty host). */
    public List<VmState> vmsOn(String host) {
        return vmsByHost.getOrDefault(host, List.of());
    }

    /** Returns the VMs of a service. */
    public List<VmState> vmsOf(String service) {
        return vmsByService.getOrDefault(service, List.of());
    }

    /** Returns the named service, if known. */
    public Optional<ServiceState> service(String name) {
        return Optional.ofNullable(serviceByName.get(name));
    }

    /** Returns the service behind a pool, if known. */
    public Optional<ServiceState> serviceOfPool(String pool) {
        return Optional.ofNullable(serviceByPool.get(pool));
    }

    /** Returns the rule with that id, if in force. */
    public Optional<FilterRule> rule(String id) {
        return Optional.ofNullable(ruleById.get(id));
    }

    /** Returns the action in flight on a VM, if any. */
    public Optional<InFlightAction> inFlightOn(String vm) {
        return Optional.ofNullable(inFlightByVm.get(vm));
    }

    /** Returns a copy whose VM of the same name is replaced by {@code vm}. */
    public ClusterState withVm(VmState vm) {
        List<VmState> next = new ArrayList<>(vms.size());
        for (VmState v : vms) {
            next.add(v.name().equals(vm.name()) ? vm : v);
        }
        return new ClusterState(hosts, next, services, rules, weights, inFlight, bandwidth, changes);
    }

    /** Returns a copy with other rules, weights and actions in flight. */
    public ClusterState withControl(List<FilterRule> newRules, List<WeightSetting> newWeights,
            List<InFlightAction> newInFlight) {
        return new ClusterState(hosts, vms, services, newRules, newWeights, newInFlight, bandwidth, changes);
    }

    /** Returns a copy with other recorded incident changes. */
    public ClusterState withChanges(List<IncidentChange> newChanges) {
        return new ClusterState(hosts, vms, services, rules, weights, inFlight, bandwidth, newChanges);
    }

    /** Returns a copy with other hosts and VMs (same services, rules, weights, actions). */
    public ClusterState withPlacement(List<HostState> newHosts, List<VmState> newVms) {
        return new ClusterState(newHosts, newVms, services, rules, weights, inFlight, bandwidth, changes);
    }

    /**
     * Returns a copy with the measured use of the hypervisor snapshot applied to the hosts and VMs
     * it names (others unchanged); a NaN dirty rate keeps the previous estimate.
     */
    public ClusterState withUsage(HypervisorSnapshot usage) {
        Map<String, HostUsage> hu = new HashMap<>(usage.hosts().size() * 2);
        for (HostUsage h : usage.hosts()) {
            hu.put(h.host(), h);
        }
        Map<String, VmUsage> vu = new HashMap<>(usage.vms().size() * 2);
        for (VmUsage v : usage.vms()) {
            vu.put(v.vm(), v);
        }
        List<HostState> nh = new ArrayList<>(hosts.size());
        for (HostState h : hosts) {
            HostUsage u = hu.get(h.name());
            nh.add(u == null ? h : h.withUsage(u.cpuUsedCores(), u.memoryUsedMiB(), u.throttledFraction()));
        }
        List<VmState> nv = new ArrayList<>(vms.size());
        for (VmState v : vms) {
            VmUsage u = vu.get(v.name());
            if (u == null) {
                nv.add(v);
            } else {
                double dirty = Double.isNaN(u.dirtyRateMiBPerSec()) ? v.dirtyRateMiBPerSec() : u.dirtyRateMiBPerSec();
                nv.add(v.withUsage(u.cpuUsedCores(), dirty));
            }
        }
        return new ClusterState(nh, nv, services, rules, weights, inFlight, bandwidth, changes);
    }
}
