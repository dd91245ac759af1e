package org.vmshield.controller.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vmshield.hypervisor.DirtyRate;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HostInfo;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.HostUsage;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.InvalidRequestException;
import org.vmshield.hypervisor.MigrationFailedException;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationListener;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationPhase;
import org.vmshield.hypervisor.MigrationProgress;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.hypervisor.UsageSample;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmState;
import org.vmshield.hypervisor.VmUsage;

/**
 * A test fake of the hypervisor: each "VM" is a real HTTP server on a free loopback port serving
 * {@code /health}, {@code /version} and {@code /}. A migration with user networking moves the VM
 * to a new server (a new endpoint), as QEMU user networking does; it can be made to fail.
 */
public final class FakeHypervisor implements Hypervisor {
    private final Map<String, HostSpec> hosts = new LinkedHashMap<>();
    private final Map<String, Vm> vms = new LinkedHashMap<>();
    private final boolean userNetworking;
    public volatile boolean failMigrations;
    public volatile String reportedVersionOverride;
    public volatile RuntimeException usageFailure;
    public volatile RuntimeException vmsFailure;
    public volatile double hostCoresUsed = 0.25;
    public volatile double throttled = 0.1;
    /** The CPU weights set, by host. */
    public final Map<String, Long> cpuShares = new java.util.concurrent.ConcurrentHashMap<>();
    /** The nice value each VM was last given (setVmCpuPriority). */
    public final Map<String, Integer> vmNice = new java.util.concurrent.ConcurrentHashMap<>();
    /** When set, setVmCpuPriority refuses, as a hypervisor not running as root does. */
    public volatile boolean refusePriority;
    /** How many times setVmCpuPriority was called. */
    public final java.util.concurrent.atomic.AtomicInteger priorityRequests = new java.util.concurrent.atomic.AtomicInteger();

    /** The CPU cap each VM was last given (setVmCpuCap; infinite: none), and how many times it was asked. */
    public final Map<String, Double> vmCaps = new java.util.concurrent.ConcurrentHashMap<>();
    public final java.util.concurrent.atomic.AtomicInteger capRequests = new java.util.concurrent.atomic.AtomicInteger();
    /** When set, setVmCpuCap refuses, as a hypervisor on cgroup v2 does. */
    public volatile boolean refuseCap;

    private record Vm(VmSpec spec, HttpServer server, VmState state, int migrations) {
        Endpoint endpoint() {
            return new Endpoint("127.0.0.1", server.getAddress().getPort());
        }
    }

    public FakeHypervisor(boolean userNetworking, HostSpec... hostSpecs) {
        this.userNetworking = userNetworking;
        for (HostSpec h : hostSpecs) {
            hosts.put(h.name(), h);
        }
    }

    @Override
    public synchronized void setVmCpuCap(String vm, double cores) {
        capRequests.incrementAndGet();
        if (refuseCap) {
            throw new org.vmshield.hypervisor.host.CgroupException("per-VM CPU caps need cgroup v1");
        }
        if (!vms.containsKey(vm)) {
            throw new IllegalArgumentException("VM " + vm + ": unknown");
        }
        vmCaps.put(vm, cores);
    }

    @Override
    public synchronized void setVmCpuPriority(String vm, int nice) {
        priorityRequests.incrementAndGet();
        if (refusePriority) {
            throw new org.vmshield.hypervisor.HypervisorException("renice " + nice + ": Permission denied");
        }
        if (!vms.containsKey(vm)) {
            throw new IllegalArgumentException("VM " + vm + ": unknown");
        }
        vmNice.put(vm, nice);
    }

    @Override
    public void setHostCpuShares(String host, long shares) {
        if (!hosts.containsKey(host)) {
            throw new IllegalArgumentException("host " + host + ": unknown");
        }
        cpuShares.put(host, shares);
    }

    /** Returns a VM record as if the hypervisor had adopted one left running (a migration done while we were down). */
    public synchronized void place(VmSpec spec) {
        vms.put(spec.name(), new Vm(spec, server(spec.version()), VmState.RUNNING, 0));
    }

    @Override
    public synchronized List<HostInfo> hosts() {
        List<HostInfo> out = new ArrayList<>();
        for (HostSpec h : hosts.values()) {
            List<String> on = vms.values().stream().filter(v -> v.spec().host().equals(h.name())).map(v -> v.spec().name()).toList();
            long mem = vms.values().stream().filter(v -> v.spec().host().equals(h.name())).mapToLong(v -> v.spec().memoryMiB()).sum();
            out.add(new HostInfo(h, mem, on.size(), on));
        }
        return out;
    }

    @Override
    public synchronized List<VmInfo> vms() {
        if (vmsFailure != null) {
            throw vmsFailure;
        }
        return vms.values().stream().map(FakeHypervisor::info).toList();
    }

    @Override
    public synchronized Optional<VmInfo> inspect(String vm) {
        return Optional.ofNullable(vms.get(vm)).map(FakeHypervisor::info);
    }

    private static VmInfo info(Vm v) {
        return new VmInfo(v.spec(), v.state(), v.endpoint(), Instant.EPOCH, v.migrations());
    }

    @Override
    public synchronized VmInfo start(VmSpec spec) {
        if (!hosts.containsKey(spec.host())) {
            throw new InvalidRequestException("host: " + spec.host() + " (expected: a known host)");
        }
        if (vms.containsKey(spec.name())) {
            throw new InvalidRequestException("vm: " + spec.name() + " (expected: a new name)");
        }
        String version = reportedVersionOverride != null ? reportedVersionOverride : spec.version();
        Vm v = new Vm(spec, server(version), VmState.RUNNING, 0);
        vms.put(spec.name(), v);
        return info(v);
    }

    @Override
    public synchronized void stop(String vm) {
        Vm v = vms.remove(vm);
        if (v == null) {
            throw new InvalidRequestException("vm: " + vm + " (expected: a running VM)");
        }
        v.server().stop(0);
    }

    @Override
    public synchronized UsageSample usage() {
        if (usageFailure != null) {
            throw usageFailure;
        }
        List<HostUsage> hu = new ArrayList<>();
        for (HostSpec h : hosts.values()) {
            hu.add(new HostUsage(h.name(), h.cpuCores(), hostCoresUsed, throttled, 100, h.memoryMiB()));
        }
        List<VmUsage> vu = new ArrayList<>();
        for (Vm v : vms.values()) {
            vu.add(new VmUsage(v.spec().name(), v.spec().host(), 1.5, 0.2, 180));
        }
        return new UsageSample(System.nanoTime(), hu, vu);
    }

    @Override
    public synchronized MigrationHandle migrate(String vm, String targetHost, MigrationOptions options,
            MigrationListener listener) {
        Vm v = vms.get(vm);
        if (v == null || !hosts.containsKey(targetHost) || v.spec().host().equals(targetHost)
                || v.state() == VmState.MIGRATING) {
            throw new InvalidRequestException("migrate " + vm + " to " + targetHost + ": refused");
        }
        vms.put(vm, new Vm(v.spec(), v.server(), VmState.MIGRATING, v.migrations()));
        CompletableFuture<MigrationResult> result = CompletableFuture.supplyAsync(() -> {
            long total = v.spec().memoryMiB() << 20;
            listener.onProgress(new MigrationProgress(vm, MigrationPhase.PRECOPY, 10, 1, total / 2, total / 2, total, 0, 5, 0));
            listener.onProgress(new MigrationProgress(vm, MigrationPhase.PRECOPY, 20, 2, total, 1 << 20, total, 0, 5, 0));
            synchronized (FakeHypervisor.this) {
                if (failMigrations) {
                    vms.put(vm, new Vm(v.spec(), v.server(), VmState.RUNNING, v.migrations()));
                    throw new MigrationFailedException("migration of " + vm + " failed (fake)", false, null);
                }
                HttpServer next = userNetworking ? server(v.spec().version()) : v.server();
                if (userNetworking) {
                    v.server().stop(0);
                }
                Vm moved = new Vm(v.spec().onHost(targetHost), next, VmState.RUNNING, v.migrations() + 1);
                vms.put(vm, moved);
                return new MigrationResult(vm, v.spec().host(), targetHost, 20, 25, 3, total, 2, moved.endpoint(), false);
            }
        });
        return new MigrationHandle() {
            @Override
            public String vm() {
                return vm;
            }

            @Override
            public String targetHost() {
                return targetHost;
            }

            @Override
            public CompletableFuture<MigrationResult> result() {
                return result;
            }

            @Override
            public boolean cancel() {
                return false;
            }
        };
    }

    @Override
    public boolean cancelMigration(String vm) {
        return false;
    }

    @Override
    public DirtyRate measureDirtyRate(String vm, Duration duration) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public synchronized void close() {
        vms.values().forEach(v -> v.server().stop(0));
        vms.clear();
    }

    private static HttpServer server(String version) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            s.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                String body = switch (path) {
                    case "/health" -> "ok";
                    case "/version" -> version;
                    default -> "hello from " + version;
                };
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
