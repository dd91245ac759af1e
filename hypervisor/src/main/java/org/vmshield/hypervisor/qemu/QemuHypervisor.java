package org.vmshield.hypervisor.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.hypervisor.CapacityException;
import org.vmshield.hypervisor.DirtyRate;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HostInfo;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.HostUsage;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.InvalidRequestException;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationListener;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.UsageSample;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmState;
import org.vmshield.hypervisor.VmUsage;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.hypervisor.host.SliceUsage;
import org.vmshield.hypervisor.setup.CommandRunner;

/**
 * The QEMU driver: runs each VM as a QEMU process driven over QMP, on local hosts that are
 * capacity slices of this machine (cgroups), networked in bridge or user mode.
 *
 * <p>Every QEMU process is named {@code vmshield-...}, and its pidfile, QMP socket and serial log
 * live in {@code $VMSHIELD_HOME/run/qemu}, so {@link QemuCleanup} finds them even after this
 * controller was killed. A JVM shutdown hook closes the hypervisor on exit and Ctrl-C.
 */
public final class QemuHypervisor implements Hypervisor {
    private static final Logger log = LoggerFactory.getLogger(QemuHypervisor.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** Memory a QEMU process needs beyond its guest's (TCG translation cache, device state). */
    public static final long QEMU_OVERHEAD_MIB = 96;
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);
    static final String QEMU_BINARY = "qemu-system-x86_64";

    private final Map<String, HostState> hosts = new LinkedHashMap<>();
    private final Map<String, VmRecord> vms = new LinkedHashMap<>();
    private final GuestImageSource images;
    private final VmNetwork network;
    private final Path home;
    private final Path runDir;
    private final AtomicInteger instanceSeq = new AtomicInteger();
    private final String processTag = "p" + ProcessHandle.current().pid();
    private final Thread shutdownHook;
    private final Path hostsFile;
    private final Object sampleLock = new Object();
    private Accelerator accelerator;
    private boolean closed;

    private QemuHypervisor(ClusterConfig cluster, GuestImageSource images, VmNetwork network,
            Map<String, HostSlice> slices, Path home) {
        this.images = images;
        this.network = network;
        this.home = home;
        this.runDir = VmshieldHome.runDir(home);
        for (HostSpec h : cluster.hosts()) {
            hosts.put(h.name(), new HostState(h, slices.get(h.name())));
        }
        this.hostsFile = runDir.resolve("controller-" + ProcessHandle.current().pid() + "-"
                + System.identityHashCode(this) + QemuCleanup.HOSTS_FILE_SUFFIX);
        if (!slices.isEmpty()) {
            try {
                // so that a cleanup after a crash knows which cgroups were this controller's
                Files.write(hostsFile, slices.keySet());
            } catch (IOException e) {
                log.warn("cannot write {}: {}", hostsFile, e.toString());
            }
        }
        this.shutdownHook = new Thread(this::closeFromHook, "vmshield-hypervisor-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates the driver for {@code cluster}: creates one cgroup slice per host (as root) and the
     * network (bridge mode needs root), under {@code home}.
     *
     * @throws HypervisorException QEMU is missing, or a host slice or the network cannot be created
     */
    public static QemuHypervisor create(ClusterConfig cluster, GuestImageSource images, Path home) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(images, "images");
        boolean root = "root".equals(System.getProperty("user.name"));
        NetworkMode mode = cluster.network().orElse(NetworkMode.defaultFor(root));
        if (mode == NetworkMode.BRIDGE && !root) {
            throw new InvalidRequestException("network: bridge needs root (expected: run as root, or network: user)");
        }
        try {
            Files.createDirectories(VmshieldHome.runDir(home));
        } catch (IOException e) {
            throw new HypervisorException("cannot create " + VmshieldHome.runDir(home) + ": " + e.getMessage(), e);
        }
        Map<String, HostSlice> slices = new LinkedHashMap<>();
        VmNetwork network = null;
        try {
            if (root) {
                for (HostSpec h : cluster.hosts()) {
                    slices.put(h.name(), CgroupHostSlices.create(h));
                }
            } else {
                log.warn("not root: host capacity is not enforced (no cgroups); usage comes from the QEMU processes");
            }
            network = mode == NetworkMode.BRIDGE ? BridgeNetwork.create() : new UserNetwork();
            return new QemuHypervisor(cluster, images, network, slices, home);
        } catch (RuntimeException e) {
            slices.values().forEach(QemuHypervisor::removeQuietly);
            if (network != null) {
                network.close();
            }
            throw e instanceof HypervisorException he ? he
                    : new HypervisorException("cannot set up the local hosts: " + e.getMessage(), e);
        }
    }

    /** Creates the driver under {@code $VMSHIELD_HOME}. */
    public static QemuHypervisor create(ClusterConfig cluster, GuestImageSource images) {
        return create(cluster, images, VmshieldHome.resolve());
    }

    /** Returns "bridge" or "user". */
    public String networkMode() {
        return network.mode();
    }

    @Override
    public synchronized List<HostInfo> hosts() {
        List<HostInfo> out = new ArrayList<>();
        for (HostState h : hosts.values()) {
            List<String> names = vms.values().stream().filter(v -> v.spec.host().equals(h.spec.name()))
                    .map(v -> v.spec.name()).toList();
            out.add(new HostInfo(h.spec, h.allocatedMiB(), h.allocatedVCpus(), names));
        }
        return out;
    }

    @Override
    public synchronized List<VmInfo> vms() {
        return vms.values().stream().map(this::info).toList();
    }

    @Override
    public synchronized Optional<VmInfo> inspect(String vm) {
        VmRecord r = vms.get(vm);
        return r == null ? Optional.empty() : Optional.of(info(r));
    }

    private VmInfo info(VmRecord r) {
        VmState state = r.state;
        if (r.instance != null && !r.instance.alive()) {
            state = VmState.STOPPED;
        }
        Endpoint endpoint = r.instance == null ? null : r.instance.endpoint;
        return new VmInfo(r.spec, state, endpoint, r.startedAt, r.migrations);
    }

    @Override
    public VmInfo start(VmSpec spec) {
        Objects.requireNonNull(spec, "spec");
        synchronized (this) {
            checkOpen();
            checkNewVm(spec);
        }
        BootFiles boot = images.resolve(spec.version());
        VmRecord rec;
        synchronized (this) {
            checkOpen();
            checkNewVm(spec);
            HostState host = hosts.get(spec.host());
            checkRoom(host, spec);
            rec = new VmRecord(spec, Instant.now());
            rec.boot = boot;
            vms.put(spec.name(), rec);
            reserve(host, spec);
        }
        QemuInstance instance = null;
        try {
            rec.address = network.assign(spec.name());
            instance = launch(rec, spec, false);
            instance.call("cont", null);
            waitServing(instance);
            synchronized (this) {
                rec.instance = instance;
                rec.state = VmState.RUNNING;
                log.info("started VM {} on host {} ({}), endpoint {}", spec.name(), spec.host(), instance, instance.endpoint);
                return info(rec);
            }
        } catch (RuntimeException e) {
            if (instance != null) {
                instance.kill();
            }
            synchronized (this) {
                vms.remove(spec.name());
                unreserve(hosts.get(spec.host()), spec.name());
                if (rec.address != null) {
                    network.release(rec.address);
                }
            }
            throw e instanceof HypervisorException he ? he
                    : new HypervisorException("cannot start VM " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private void checkNewVm(VmSpec spec) {
        if (!hosts.containsKey(spec.host())) {
            throw new InvalidRequestException("host of VM " + spec.name() + ": " + spec.host()
                    + " is unknown (expected one of: " + String.join(", ", hosts.keySet()) + ")");
        }
        VmRecord existing = vms.get(spec.name());
        if (existing != null) {
            throw new InvalidRequestException("VM name " + spec.name() + " is taken by a VM on host "
                    + existing.spec.host() + " (expected: a unique name)");
        }
    }

    private static void checkRoom(HostState host, VmSpec spec) {
        long need = spec.memoryMiB() + QEMU_OVERHEAD_MIB;
        long free = host.spec.memoryMiB() - host.allocatedMiB();
        if (need > free) {
            throw new CapacityException("host " + host.spec.name() + " has no room for VM " + spec.name() + ": needs "
                    + need + " MiB (" + spec.memoryMiB() + " + " + QEMU_OVERHEAD_MIB + " QEMU overhead), "
                    + free + " MiB free of " + host.spec.memoryMiB());
        }
    }

    private static void reserve(HostState host, VmSpec spec) {
        host.reservedMiB.put(spec.name(), spec.memoryMiB() + QEMU_OVERHEAD_MIB);
        host.reservedVCpus.put(spec.name(), spec.vCpus());
    }

    private static void unreserve(HostState host, String vm) {
        host.reservedMiB.remove(vm);
        host.reservedVCpus.remove(vm);
    }

    /** Launches a QEMU process of {@code rec} on {@code spec.host()}, placed in that host's slice. */
    QemuInstance launch(VmRecord rec, VmSpec spec, boolean incoming) {
        Accelerator accel = accelerator(rec.boot);
        String id = spec.name() + "-" + processTag + "-" + instanceSeq.incrementAndGet();
        VmNetwork.Attachment att = network.attach(rec.address, id);
        InstanceFiles files = InstanceFiles.in(runDir, id);
        List<String> command = new ArrayList<>(att.commandPrefix());
        command.addAll(QemuCommandLine.build(QEMU_BINARY, accel, spec, rec.boot, att.nic(), files, id, incoming));
        HostSlice slice;
        synchronized (this) {
            slice = hosts.get(spec.host()).slice;
        }
        if (slice != null) {
            // joins the host's cgroup before QEMU starts, so all its memory and CPU are charged there
            command = new ArrayList<>(slice.wrap(command));
        }
        int nice;
        synchronized (this) {
            nice = rec.nice;
        }
        command = ThreadPriority.startAt(nice, command); // every thread QEMU starts inherits it
        QemuInstance instance = QemuInstance.launch(id, spec, att.nic(), att.endpoint(), files, command, att.release());
        return instance;
    }

    private synchronized Accelerator accelerator(BootFiles boot) {
        if (accelerator == null) {
            // cached machine-wide: a probe costs seconds, and the answer does not depend on the state directory
            accelerator = new AccelProbe(QEMU_BINARY, VmshieldHome.resolve()).detect(boot.kernel());
        }
        return accelerator;
    }

    /** Returns the accelerator in use, probing it with {@code boot} when not known yet. */
    public Accelerator acceleratorFor(BootFiles boot) {
        return accelerator(boot);
    }

    /** Waits until the guest's service answers /health. */
    static void waitServing(QemuInstance instance) {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            if (!instance.alive()) {
                throw new HypervisorException("QEMU of " + instance.spec.name() + " exited while booting: "
                        + instance.qemuOutput());
            }
            try {
                if (GuestHttp.get(instance.endpoint, "/health", Duration.ofSeconds(1)).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                lastError = e.getMessage();
            }
            pause(100);
        }
        throw new HypervisorException("VM " + instance.spec.name() + " did not serve /health on " + instance.endpoint
                + " within " + BOOT_TIMEOUT.toSeconds() + " s (last error: " + lastError + ")");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException("interrupted");
        }
    }

    @Override
    public void stop(String vm) {
        QemuMigration running;
        synchronized (this) {
            VmRecord r = vms.get(vm);
            if (r == null) {
                throw new InvalidRequestException("VM " + vm + " is unknown (expected one of: "
                        + String.join(", ", vms.keySet()) + ")");
            }
            if (r.state == VmState.STARTING) {
                throw new InvalidRequestException("VM " + vm + " is still starting (expected: a running VM)");
            }
            running = r.migration;
        }
        if (running != null) {
            running.cancel();
            running.result().handle((ok, err) -> null).join();
        }
        VmRecord r;
        synchronized (this) {
            r = vms.remove(vm);
            if (r == null) {
                return;
            }
            r.state = VmState.STOPPED;
            unreserve(hosts.get(r.spec.host()), vm);
        }
        if (r.instance != null) {
            r.instance.quit(Duration.ofSeconds(2));
        }
        network.release(r.address);
        log.info("stopped VM {}", vm);
    }

    @Override
    public UsageSample usage() {
        synchronized (sampleLock) {
            long now = System.nanoTime();
            List<VmRecord> records;
            List<HostState> hostStates;
            synchronized (this) {
                records = new ArrayList<>(vms.values());
                hostStates = new ArrayList<>(hosts.values());
            }
            List<VmUsage> vmUsages = new ArrayList<>();
            Map<String, double[]> perHost = new LinkedHashMap<>(); // cores, rss of VM processes
            for (VmRecord r : records) {
                QemuInstance inst;
                String host;
                synchronized (this) {
                    inst = r.instance;
                    host = r.spec.host();
                }
                if (inst == null) {
                    continue;
                }
                long pid = inst.pid();
                double cpu = ProcStat.cpuSeconds(pid);
                long rss = ProcStat.rssMiB(pid);
                if (cpu < 0) {
                    continue;
                }
                double cores = 0;
                if (r.sampledPid == pid && now > r.sampledNanos) {
                    cores = Math.max(0, (cpu - r.sampledCpuSeconds) / ((now - r.sampledNanos) / 1e9));
                }
                r.sampledPid = pid;
                r.sampledCpuSeconds = cpu;
                r.sampledNanos = now;
                vmUsages.add(new VmUsage(r.spec.name(), host, cpu, cores, Math.max(0, rss)));
                double[] acc = perHost.computeIfAbsent(host, k -> new double[2]);
                acc[0] += cores;
                acc[1] += Math.max(0, rss);
            }
            List<HostUsage> hostUsages = new ArrayList<>();
            for (HostState h : hostStates) {
                double[] acc = perHost.getOrDefault(h.spec.name(), new double[2]);
                if (h.slice == null) {
                    hostUsages.add(new HostUsage(h.spec.name(), h.spec.cpuCores(), acc[0], 0, (long) acc[1],
                            h.spec.memoryMiB()));
                    continue;
                }
                SliceUsage u = h.slice.usage();
                double cores = 0;
                double throttled = 0;
                if (h.lastUsage != null && now > h.lastUsageNanos) {
                    cores = Math.max(0, (u.cpuUsageNanos() - h.lastUsage.cpuUsageNanos()) / (double) (now - h.lastUsageNanos));
                    long periods = u.periods() - h.lastUsage.periods();
                    throttled = periods <= 0 ? 0 : Math.min(1, (u.throttledPeriods() - h.lastUsage.throttledPeriods()) / (double) periods);
                }
                h.lastUsage = u;
                h.lastUsageNanos = now;
                throttled = Math.max(throttled, h.cappedVmThrottling(h.slice.vmCapUsage()));
                hostUsages.add(new HostUsage(h.spec.name(), h.spec.cpuCores(), cores, throttled,
                        u.memoryUsedBytes() / (1024 * 1024), h.spec.memoryMiB()));
            }
            return new UsageSample(now, hostUsages, vmUsages);
        }
    }

    @Override
    public MigrationHandle migrate(String vm, String targetHost, MigrationOptions options, MigrationListener listener) {
        Objects.requireNonNull(options, "options");
        return startMigration(vm, targetHost, options, listener);
    }

    private MigrationHandle startMigration(String vm, String targetHost, MigrationOptions options,
            MigrationListener listener) {
        QemuMigration m;
        synchronized (this) {
            checkOpen();
            VmRecord r = vms.get(vm);
            if (r == null) {
                throw new InvalidRequestException("VM " + vm + " is unknown (expected one of: "
                        + String.join(", ", vms.keySet()) + ")");
            }
            HostState target = hosts.get(targetHost);
            if (target == null) {
                throw new InvalidRequestException("target host " + targetHost + " is unknown (expected one of: "
                        + String.join(", ", hosts.keySet()) + ")");
            }
            if (r.state != VmState.RUNNING) {
                throw new InvalidRequestException("VM " + vm + " is " + r.state + " (expected: RUNNING to migrate)");
            }
            if (r.spec.host().equals(targetHost)) {
                throw new InvalidRequestException("target host " + targetHost + " is the host VM " + vm
                        + " runs on (expected: another host)");
            }
            checkRoom(target, r.spec);
            reserve(target, r.spec);
            r.state = VmState.MIGRATING;
            m = new QemuMigration(this, r, r.instance, r.spec.host(), targetHost, options,
                    listener == null ? MigrationListener.none() : listener);
            r.migration = m;
        }
        m.start();
        return m;
    }

    /**
     * Live-migrates like {@link #migrate} but with QEMU's default capabilities and parameters and
     * no guard rails: what a bare QMP {@code migrate} gives, the migration benchmark's baseline.
     */
    public MigrationHandle migrateWithQemuDefaults(String vm, String targetHost, MigrationListener listener) {
        return startMigration(vm, targetHost, null, listener);
    }

    /**
     * Returns how many bytes of the VM's memory are not zero, by dumping its guest-physical memory
     * ({@code pmemsave}) into {@code scratchDir} and counting non-zero 4 KiB pages; the dump is deleted.
     */
    public long nonZeroMemoryBytes(String vm, Path scratchDir) {
        QemuInstance inst;
        synchronized (this) {
            VmRecord r = vms.get(vm);
            if (r == null || r.instance == null) {
                throw new InvalidRequestException("VM " + vm + " is unknown or not running");
            }
            inst = r.instance;
        }
        Path dump = scratchDir.resolve("vmshield-memdump-" + inst.instanceId + ".bin");
        try {
            inst.call("pmemsave", JSON.createObjectNode().put("val", 0)
                    .put("size", inst.spec.memoryMiB() * 1024 * 1024).put("filename", dump.toString()));
            return MemoryDump.nonZeroPageBytes(dump);
        } catch (IOException e) {
            throw new HypervisorException("cannot read the memory dump of " + vm + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(dump);
            } catch (IOException e) {
                log.warn("cannot delete {}: {}", dump, e.toString());
            }
        }
    }

    /** Starts the incoming QEMU of a migration on the target host. */
    QemuInstance launchIncoming(VmRecord rec, String targetHost) {
        VmSpec spec;
        synchronized (this) {
            spec = rec.spec.onHost(targetHost);
        }
        return launch(rec, spec, true);
    }

    /** Makes the target the VM's home after a completed migration; returns the old source instance. */
    synchronized QemuInstance completeMigration(VmRecord rec, QemuInstance target, String sourceHost) {
        QemuInstance source = rec.instance;
        unreserve(hosts.get(sourceHost), rec.spec.name());
        rec.spec = rec.spec.onHost(target.spec.host());
        rec.instance = target;
        rec.migrations++;
        rec.state = VmState.RUNNING;
        rec.migration = null;
        return source;
    }

    /** Releases the target's reservation after a failed or cancelled migration. */
    synchronized void abortMigration(VmRecord rec, String targetHost, boolean sourceAlive) {
        unreserve(hosts.get(targetHost), rec.spec.name());
        rec.state = sourceAlive ? VmState.RUNNING : VmState.STOPPED;
        rec.migration = null;
    }

    @Override
    public void setHostCpuShares(String host, long shares) {
        HostState h;
        synchronized (this) {
            h = hosts.get(host);
        }
        if (h == null) {
            throw new IllegalArgumentException("host " + host + ": unknown (expected one of " + hosts.keySet() + ")");
        }
        if (h.slice != null) {
            h.slice.setCpuShares(shares);
        }
    }

    @Override
    public void setVmCpuPriority(String vm, int nice) {
        ThreadPriority.requireNice(nice);
        QemuInstance current;
        synchronized (this) {
            current = knownVm(vm).instance;
        }
        if (current != null && current.alive()) {
            ThreadPriority.set(current.pid(), nice, CommandRunner.system()); // throws when refused (not root)
        }
        synchronized (this) {
            VmRecord r = vms.get(vm);
            if (r != null) {
                r.nice = nice; // processes launched from now on start at it (a migration's target launched before does not)
            }
        }
    }

    @Override
    public void setVmCpuCap(String vm, double cores) {
        if (!(cores > 0)) {
            throw new IllegalArgumentException("cores: " + cores + " (expected: > 0, or infinite for no cap)");
        }
        QemuInstance current;
        HostState host;
        synchronized (this) {
            VmRecord r = knownVm(vm);
            current = r.instance;
            host = hosts.get(r.spec.host());
        }
        if (!Double.isInfinite(cores) && cores > host.spec.cpuCores()) {
            throw new IllegalArgumentException("cores: " + cores + " (expected: at most host " + host.spec.name()
                    + "'s " + host.spec.cpuCores() + ", or infinite for no cap)");
        }
        if (current == null || !current.alive() || host.slice == null) {
            return; // nothing runs, or capacity is not enforced at all
        }
        // the cap belongs to this process on this host: a migration's target starts without one
        if (Double.isInfinite(cores)) {
            host.slice.uncapVm(current.instanceId);
        } else {
            host.slice.capVm(current.instanceId, current.pid(), cores);
        }
    }

    /** Returns the record of {@code vm}; throws IllegalArgumentException naming the known VMs when there is none. */
    private VmRecord knownVm(String vm) {
        VmRecord r = vms.get(vm);
        if (r == null) {
            throw new IllegalArgumentException("VM " + vm + ": unknown (expected one of " + vms.keySet() + ")");
        }
        return r;
    }

    @Override
    public boolean cancelMigration(String vm) {
        QemuMigration m;
        synchronized (this) {
            VmRecord r = vms.get(vm);
            m = r == null ? null : r.migration;
        }
        return m != null && m.cancel();
    }

    @Override
    public DirtyRate measureDirtyRate(String vm, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        long seconds = duration.toSeconds();
        if (seconds < 1 || seconds > 60 || duration.toMillis() % 1000 != 0) {
            throw new InvalidRequestException("duration: " + duration + " (expected: whole seconds, 1..60)");
        }
        QemuInstance inst;
        synchronized (this) {
            VmRecord r = vms.get(vm);
            if (r == null || r.instance == null) {
                throw new InvalidRequestException("VM " + vm + " is unknown or not running (expected one of: "
                        + String.join(", ", vms.keySet()) + ")");
            }
            inst = r.instance;
        }
        ObjectNode args = JSON.createObjectNode().put("calc-time", seconds);
        // page-sampling (the default mode): dirty-bitmap crashed QEMU 7.2 under TCG
        inst.call("calc-dirty-rate", args);
        long deadline = System.nanoTime() + duration.plusSeconds(10).toNanos();
        pause(duration.toMillis());
        while (System.nanoTime() < deadline) {
            JsonNode q = inst.call("query-dirty-rate", null);
            if ("measured".equals(q.path("status").asText())) {
                long mibPerSec = q.path("dirty-rate").asLong();
                return new DirtyRate(vm, mibPerSec * 1024 * 1024, q.path("calc-time").asLong(seconds) * 1000);
            }
            pause(100);
        }
        throw new HypervisorException("dirty rate of " + vm + " not measured within " + duration.plusSeconds(10));
    }

    private void checkOpen() {
        if (closed) {
            throw new InvalidRequestException("the hypervisor is closed (expected: an open hypervisor)");
        }
    }

    @Override
    public void close() {
        List<String> names;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            names = new ArrayList<>(vms.keySet());
        }
        for (String vm : names) {
            try {
                stop(vm);
            } catch (RuntimeException e) {
                log.warn("stopping {} on close failed: {}", vm, e.toString());
            }
        }
        boolean hadSlices = false;
        synchronized (this) {
            for (HostState h : hosts.values()) {
                if (h.slice != null) {
                    removeQuietly(h.slice);
                    hadSlices = true;
                }
            }
        }
        if (hadSlices) {
            try {
                // the parent group too, once no host of any controller is left in it
                CgroupHostSlices.removeEmpty(List.of());
            } catch (RuntimeException e) {
                log.warn("cannot remove the hosts' parent cgroup: {}", e.toString());
            }
        }
        network.close();
        try {
            Files.deleteIfExists(hostsFile);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", hostsFile, e.toString());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    private void closeFromHook() {
        try {
            close();
        } catch (RuntimeException e) {
            log.warn("cleanup on exit failed: {}", e.toString());
        }
    }

    private static void removeQuietly(HostSlice slice) {
        try {
            slice.remove();
        } catch (RuntimeException e) {
            log.warn("cannot remove a host slice: {}", e.toString());
        }
    }
}
