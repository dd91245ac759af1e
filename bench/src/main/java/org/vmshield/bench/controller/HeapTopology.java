package org.vmshield.bench.controller;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.vmshield.hypervisor.qemu.QemuHypervisor;

/**
 * The benchmark's cluster: N VMs spread round-robin over local hosts of {@link #VMS_PER_HOST} VMs
 * and over {@link #SERVICES} services (one critical), the controller's defaults otherwise (tick
 * 500 ms, bridge networking as root). Host and VM names are the benchmark's own, so its cgroups
 * never collide with another run's.
 */
public final class HeapTopology {
    /** VMs per local host. */
    static final int VMS_PER_HOST = 5;
    /** Services behind the balancer. */
    static final int SERVICES = 4;
    /**
     * CPU quota of each host: a cap, not a reservation (the quotas may add up to more than the
     * machine's 2 cores). One core lets a host boot one TCG guest at full speed; idle guests use little.
     */
    static final double HOST_CORES = 1.0;
    /** Memory each host keeps beyond its guests and their QEMU overhead. */
    static final long HOST_SPARE_MIB = 128;
    static final String HOST_PREFIX = "heapbench-";
    static final String VM_PREFIX = "heapbench-vm-";
    static final String SERVICE_PREFIX = "heap-";

    private HeapTopology() {}

    /** Returns the controller configuration for {@code settings}, journaling to {@code journal}. */
    public static ControllerConfig config(HeapBenchSettings settings, Path journal) {
        int hostCount = (settings.vms() + VMS_PER_HOST - 1) / VMS_PER_HOST;
        int serviceCount = Math.min(SERVICES, settings.vms());
        int[] vmsOnHost = new int[hostCount];
        int[] vmsOfService = new int[serviceCount];
        List<VmDecl> vms = new ArrayList<>();
        for (int i = 0; i < settings.vms(); i++) {
            int host = i % hostCount;
            int service = i % serviceCount;
            vmsOnHost[host]++;
            vmsOfService[service]++;
            vms.add(new VmDecl(vmName(i), serviceName(service), "v2", hostName(host), 1, settings.guestMemoryMiB(),
                    criticality(service), List.of()));
        }
        List<HostDecl> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            long memory = vmsOnHost[h] * (settings.guestMemoryMiB() + QemuHypervisor.QEMU_OVERHEAD_MIB) + HOST_SPARE_MIB;
            hosts.add(new HostDecl(hostName(h), HOST_CORES, memory, Set.of()));
        }
        List<ServiceDecl> services = new ArrayList<>();
        for (int s = 0; s < serviceCount; s++) {
            // min = max = the configured replicas: the VM count stays what the run is about
            services.add(new ServiceDecl(serviceName(s), serviceName(s), 0, criticality(s),
                    List.of(new ServiceVersion("v1", Set.of("/search")), new ServiceVersion("v2", Set.of())), "v2",
                    vmsOfService[s], vmsOfService[s], "/health"));
        }
        return new ControllerConfig(Optional.empty(), hosts, services, vms,
                new MigrationDecl(300, true, false, 120_000), ControllerConfig.DEFAULT_TICK_MILLIS,
                ControllerConfig.DEFAULT_STEP_TIMEOUT_MILLIS, false, journal, new AdminDecl("127.0.0.1", 0, null));
    }

    /** Returns the hypervisor's view of the configuration's hosts. */
    public static ClusterConfig cluster(ControllerConfig config) {
        return new ClusterConfig(config.network(), config.hosts().stream()
                .map(h -> new HostSpec(h.name(), h.cpuCores(), h.memoryMiB())).toList());
    }

    static String vmName(int index) {
        return VM_PREFIX + String.format("%02d", index + 1);
    }

    static String hostName(int index) {
        return HOST_PREFIX + (index + 1);
    }

    static String serviceName(int index) {
        return SERVICE_PREFIX + (char) ('a' + index);
    }

    private static Criticality criticality(int service) {
        return service == 0 ? Criticality.CRITICAL : Criticality.NORMAL;
    }
}
