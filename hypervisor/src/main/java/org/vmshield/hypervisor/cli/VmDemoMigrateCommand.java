package org.vmshield.hypervisor.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.ClusterFile;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.hypervisor.image.GuestImages;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.QemuHypervisor;
import org.vmshield.hypervisor.setup.HostPreflight;
import org.vmshield.hypervisor.setup.PreflightException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Shows a live migration end to end: boots a VM on one local host, keeps a client busy on it,
 * migrates it to a second host and back, and prints one summary line per migration.
 */
@Command(
        name = "demo-migrate",
        mixinStandardHelpOptions = true,
        description = "Boots a VM on one local host, keeps a client busy on it, live-migrates it to a second host"
                + " and back, and prints one summary line per migration. Installs QEMU (as root) and builds the"
                + " guest image when missing. Cleans up on exit and on Ctrl-C; exits 0 when both migrations succeed"
                + " (in bridge mode: and no request failed).")
public final class VmDemoMigrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "FILE",
            description = "Cluster file (YAML) with at least two hosts; default: host-a and host-b, 1 core and 1024 MiB each.")
    Path clusterFile;

    @Option(names = "--network", paramLabel = "MODE",
            description = "bridge or user; default: the cluster file's, else bridge as root and user otherwise.")
    NetworkMode network;

    @Option(names = "--memory", paramLabel = "MiB", defaultValue = "256", description = "Guest memory (default: ${DEFAULT-VALUE}).")
    long memoryMiB;

    @Option(names = "--image-version", paramLabel = "VERSION", defaultValue = "v1",
            description = "Guest image version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--downtime-limit-ms", paramLabel = "MS",
            description = "Longest pause allowed at switchover (default: " + MigrationOptions.DEFAULT_DOWNTIME_LIMIT_MILLIS + ").")
    Long downtimeLimitMillis;

    @Option(names = "--max-bandwidth-mibps", paramLabel = "MiB/s",
            description = "Migration bandwidth cap in MiB/s (default: " + (MigrationOptions.DEFAULT_MAX_BANDWIDTH_BYTES_PER_SEC >> 20) + ").")
    Long maxBandwidthMiBps;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (memoryMiB < 64 || memoryMiB > 4096) {
            throw new ParameterException(spec.commandLine(), "--memory: " + memoryMiB + " (expected: 64..4096)");
        }
        if (!GuestImages.versions().contains(version)) {
            throw new ParameterException(spec.commandLine(), "--image-version: " + version + " (expected one of: "
                    + String.join(", ", GuestImages.versions()) + ")");
        }
        MigrationOptions options = MigrationOptions.defaults();
        if (downtimeLimitMillis != null) {
            try {
                options = options.withDowntimeLimitMillis(downtimeLimitMillis);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--downtime-limit-ms: " + e.getMessage());
            }
        }
        if (maxBandwidthMiBps != null) {
            try {
                options = options.withMaxBandwidthBytesPerSec(maxBandwidthMiBps << 20);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--max-bandwidth-mibps: " + e.getMessage());
            }
        }
        ClusterConfig cluster;
        try {
            cluster = clusterFile == null
                    ? ClusterConfig.of(new HostSpec("host-a", 1.0, 1024), new HostSpec("host-b", 1.0, 1024))
                    : ClusterFile.load(clusterFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cluster: " + e.getMessage());
        }
        if (cluster.hosts().size() < 2) {
            throw new ParameterException(spec.commandLine(), "--cluster: " + cluster.hosts().size()
                    + " host(s) (expected: at least 2, to migrate between)");
        }
        if (network != null) {
            cluster = cluster.withNetwork(network);
        }
        String hostA = cluster.hosts().get(0).name();
        String hostB = cluster.hosts().get(1).name();

        out.println("vmshield demo-migrate: checking this host (QEMU, busybox, iproute2)");
        try {
            HostPreflight.forThisHost().ensureReady();
        } catch (PreflightException e) {
            System.err.println("vmshield demo-migrate: " + e.getMessage());
            return 1;
        }
        GuestImages images = GuestImages.atDefaultHome().withProgress(line -> out.println("  " + line));
        out.println("vmshield demo-migrate: guest image " + version);
        BuiltImages source = new BuiltImages(images);
        source.resolve(version);

        try (QemuHypervisor hv = QemuHypervisor.create(cluster, source)) {
            out.printf("vmshield demo-migrate: hosts %s, network %s%n", describeHosts(cluster), hv.networkMode());
            long t0 = System.nanoTime();
            VmInfo vm = hv.start(new VmSpec("demo", "demo", version, 1, memoryMiB, hostA));
            out.printf("vmshield demo-migrate: VM demo (%d MiB) serves on %s at %s after %d ms%n", memoryMiB, hostA,
                    vm.endpoint(), (System.nanoTime() - t0) / 1_000_000);
            List<MigrationResult> results = new ArrayList<>();
            long failedInBridge = 0;
            try (BusyClient client = new BusyClient(() -> hv.inspect("demo").map(VmInfo::endpoint).orElse(null),
                    "/health", Duration.ofMinutes(10))) {
                client.start();
                waitForRequests(client, 5);
                out.printf("vmshield demo-migrate: a client sends GET /health without pause (%d answered so far)%n", client.ok());
                for (String target : List.of(hostB, hostA)) {
                    String from = hv.inspect("demo").orElseThrow().host();
                    out.printf("vmshield demo-migrate: migrating demo %s -> %s%n", from, target);
                    long failedBefore = client.failed();
                    long okBefore = client.ok();
                    MigrationResult r = hv.migrate("demo", target, options, new ProgressPrinter(out, 200))
                            .await(Duration.ofMinutes(5));
                    waitForRequests(client, client.ok() + 3);
                    results.add(r);
                    long failed = client.failed() - failedBefore;
                    if (hv.networkMode().equals("bridge")) {
                        failedInBridge += failed;
                    }
                    out.printf("migration %d: %s -> %s: total %d ms, downtime %d ms, %.1f MiB in %d passes; client: %d ok, %d failed meanwhile; endpoint %s%n",
                            results.size(), r.sourceHost(), r.targetHost(), r.totalMillis(), r.downtimeMillis(),
                            r.transferredBytes() / 1048576.0, r.passes(), client.ok() - okBefore, failed, r.endpoint());
                }
                out.printf("vmshield demo-migrate: client total: %d requests answered, %d failed%s; slowest answer %d ms%n",
                        client.ok(), client.failed(), client.failed() == 0 ? "" : " (last: " + client.lastFailure() + ")",
                        client.slowestMillis());
            }
            Endpoint finalEndpoint = hv.inspect("demo").orElseThrow().endpoint();
            out.println("vmshield demo-migrate: cleaning up");
            hv.stop("demo");
            if (failedInBridge > 0) {
                System.err.printf("vmshield demo-migrate: %d requests failed in bridge mode (expected: none); last VM endpoint %s%n",
                        failedInBridge, finalEndpoint);
                return 1;
            }
            if (hv.networkMode().equals("bridge")) {
                out.println("vmshield demo-migrate: done: 2 live migrations, the VM served throughout");
            } else {
                out.println("vmshield demo-migrate: done: 2 live migrations; in user mode the endpoint changes, so"
                        + " requests in flight at a switchover may fail (bridge mode keeps the address)");
            }
            return 0;
        } catch (HypervisorException e) {
            System.err.println("vmshield demo-migrate: " + e.getMessage());
            return 1;
        }
    }

    private static void waitForRequests(BusyClient client, long atLeast) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (client.ok() < atLeast && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        if (client.ok() < atLeast) {
            throw new HypervisorException("the VM answered only " + client.ok() + " requests within 60 s (last failure: "
                    + client.lastFailure() + ")");
        }
    }

    private static String describeHosts(ClusterConfig cluster) {
        List<String> parts = new ArrayList<>();
        for (HostSpec h : cluster.hosts()) {
            parts.add(h.name() + " (" + h.cpuCores() + " cores, " + h.memoryMiB() + " MiB)");
        }
        return String.join(", ", parts);
    }
}
