package org.vmshield.demo.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vmshield.brain.model.Criticality;
import org.vmshield.brain.model.ServiceVersion;
import org.vmshield.controller.config.AdminDecl;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.HostDecl;
import org.vmshield.controller.config.MigrationDecl;
import org.vmshield.controller.config.ServiceDecl;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;

/**
 * The paper's topology (Fig. 2/3) sized for a 2-core machine: a small host carrying a VM of the
 * attacked service and a VM of the mission-critical service, a bigger host with room, a spare host;
 * one balancer listener per service on 127.0.0.1. Local hosts are cgroup CPU quotas, so the small
 * host really saturates when its attacked VM is overloaded, and its critical neighbour suffers.
 */
public final class DemoTopology {
    /** The attacked service (its v1 has the known {@code /search} flaw). */
    public static final String ATTACKED = "attacked";
    /** The mission-critical service. */
    public static final String CRITICAL = "critical";
    /** The attacked service's VM. */
    public static final String ATTACKED_VM = "demo-attacked";
    /** The critical service's VM. */
    public static final String CRITICAL_VM = "demo-critical";
    // Host names are the names of their cgroups (vmshield/NAME): they are the demo's own, so that
    // another vmshield run on the machine (a test, `vmshield run` with the example's "small") never
    // shares or removes the demo's quotas.
    /** The small, shared host. */
    public static final String SMALL = "demo-small";
    /** The host with room. */
    public static final String BIG = "demo-big";
    /** The spare host. */
    public static final String SPARE = "demo-spare";

    // 2 real cores are shared by the JVM (balancer, controller, load generator) and the TCG guests:
    // the quotas add up to 2 cores, and the guests' group weight (CpuWeight) leaves the JVM its share.
    static final double SMALL_CORES = 0.5;
    static final double BIG_CORES = 1.0;
    static final double SPARE_CORES = 0.5;
    static final long SMALL_MEMORY_MIB = 1280;
    static final long BIG_MEMORY_MIB = 2048;
    static final long SPARE_MEMORY_MIB = 1280;
    static final long VM_MEMORY_MIB = 256;
    static final long TICK_MILLIS = 500;
    static final long STEP_TIMEOUT_MILLIS = 60_000; // a TCG guest on a busy 2-core machine may take 20-40 s to boot
    static final long MIGRATION_TIMEOUT_MILLIS = 60_000;
    static final double MIGRATION_MIB_PER_SEC = 300;
    static final int ATTACKED_MAX_REPLICAS = 1;

    private DemoTopology() {}

    /** Returns the controller configuration; {@code dryRun} for a run where vmshield only observes. */
    public static ControllerConfig config(NetworkMode network, boolean dryRun, Path journal) {
        List<HostDecl> hosts = List.of(
                new HostDecl(SMALL, SMALL_CORES, SMALL_MEMORY_MIB, Set.of("small")),
                new HostDecl(BIG, BIG_CORES, BIG_MEMORY_MIB, Set.of()),
                new HostDecl(SPARE, SPARE_CORES, SPARE_MEMORY_MIB, Set.of()));
        List<ServiceDecl> services = List.of(
                // One VM for the attacked service: the local hosts share this machine's 2 cores, so a
                // replica's boot (a core for 5-30 s under TCG) takes CPU from every host, the critical
                // VM's included, and starved the small host below its quota, which hid the saturation
                // (seen in CI). On a real cluster a replica boots on hardware of its own.
                new ServiceDecl(ATTACKED, ATTACKED, 0, Criticality.NORMAL,
                        List.of(new ServiceVersion("v1", Set.of("/search")), new ServiceVersion("v2", Set.of())),
                        "v2", 1, ATTACKED_MAX_REPLICAS, "/health"),
                new ServiceDecl(CRITICAL, CRITICAL, 0, Criticality.CRITICAL,
                        List.of(new ServiceVersion("v2", Set.of())), "", 1, 3, "/health"));
        List<VmDecl> vms = List.of(
                new VmDecl(ATTACKED_VM, ATTACKED, "v1", SMALL, 1, VM_MEMORY_MIB, Criticality.NORMAL, List.of()),
                new VmDecl(CRITICAL_VM, CRITICAL, "v2", SMALL, 1, VM_MEMORY_MIB, Criticality.CRITICAL, List.of()));
        return new ControllerConfig(Optional.of(network), hosts, services, vms,
                new MigrationDecl(MIGRATION_MIB_PER_SEC, true, false, MIGRATION_TIMEOUT_MILLIS),
                TICK_MILLIS, STEP_TIMEOUT_MILLIS, dryRun, journal, new AdminDecl("127.0.0.1", 0, null));
    }

    /** Returns the hypervisor's view of the same hosts. */
    public static ClusterConfig cluster(ControllerConfig config) {
        return new ClusterConfig(config.network(), config.hosts().stream()
                .map(h -> new HostSpec(h.name(), h.cpuCores(), h.memoryMiB())).toList());
    }
}
