package org.vmshield.hypervisor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs VMs on hosts and moves them between hosts while they serve: the one view of the
 * virtualisation layer that the rest of vmshield uses. Drivers (QEMU today, libvirt later)
 * implement it; nothing driver-specific appears here.
 *
 * <p>Every method that takes a request validates it first: bad input throws
 * {@link InvalidRequestException} (or {@link CapacityException}) and changes nothing.
 * Closing the hypervisor stops every VM it started and removes what it created.
 */
public interface Hypervisor extends AutoCloseable {

    /** Returns the hosts, each with its capacity and what is allocated on it. */
    List<HostInfo> hosts();

    /** Returns the VMs this hypervisor runs, in start order. */
    List<VmInfo> vms();

    /** Returns the VM named {@code vm}, or empty when there is none. */
    Optional<VmInfo> inspect(String vm);

    /**
     * Starts a VM and returns once its service answers on its endpoint.
     *
     * @throws InvalidRequestException unknown host or version, a name already taken
     * @throws CapacityException the host has no room for the VM
     * @throws HypervisorException the VM could not be started (nothing is left behind)
     */
    VmInfo start(VmSpec spec);

    /** Stops the VM named {@code vm} and releases its resources; throws InvalidRequestException when unknown. */
    void stop(String vm);

    /** Takes one usage sample of every host and VM; cheap enough to call every 250 ms. */
    UsageSample usage();

    /**
     * Live-migrates a VM to another host and returns at once; the handle completes with the
     * result or fails with {@link MigrationFailedException}. The VM keeps serving on its source
     * host until the switchover, and keeps running there when the migration fails or is
     * cancelled.
     *
     * @throws InvalidRequestException unknown VM or host, the VM's own host, a VM already migrating
     * @throws CapacityException the target host has no room for the VM
     */
    MigrationHandle migrate(String vm, String targetHost, MigrationOptions options, MigrationListener listener);

    /** Cancels the running migration of {@code vm}; returns false when none is running. */
    boolean cancelMigration(String vm);

    /**
     * Measures how fast a VM writes its memory, sampling for {@code duration}; blocks that long.
     *
     * @throws InvalidRequestException unknown VM, a duration outside 1..60 s
     */
    DirtyRate measureDirtyRate(String vm, Duration duration);

    /** Stops every VM and removes everything this hypervisor created. */
    @Override
    void close();

    /**
     * Sets the CPU weight of {@code host} (cgroup v1 {@code cpu.shares} units, 1024 = one process)
     * where hosts are slices of one machine that compete for its cores; elsewhere (separate machines)
     * nothing happens. The host's capacity still caps it: the weight only says who runs first when
     * the machine is short of CPU.
     *
     * @throws IllegalArgumentException unknown host, or shares outside 2..262144
     */
    default void setHostCpuShares(String host, long shares) {}

    /**
     * Sets the scheduling priority of {@code vm}'s processes against the other VMs on its host, as a
     * nice value (-20 first .. 19 last; 0 is the default), kept for the processes it gets later (a
     * migration's target). It says who runs first when the host is short of CPU; the host's capacity
     * still caps them all. A hypervisor without the means does nothing.
     *
     * @throws IllegalArgumentException unknown VM, or nice outside -20..19
     */
    default void setVmCpuPriority(String vm, int nice) {}

    /**
     * Caps the CPU of {@code vm}'s current process below its host's capacity ({@code cores}; infinite
     * removes the cap), so that the VM alone can never use up its host's quota: the host keeps room for
     * its other VMs in every scheduling period. The cap belongs to the VM's place: a VM that migrates
     * arrives uncapped. A VM held at its cap counts as its host being short of CPU in
     * {@link HostUsage#throttledFraction()}. A hypervisor without the means does nothing.
     *
     * @throws IllegalArgumentException unknown VM, or cores not above 0 or above the host's capacity
     * @throws RuntimeException the cap cannot be set here (cgroup v2, not root); nothing changed
     */
    default void setVmCpuCap(String vm, double cores) {}
}
