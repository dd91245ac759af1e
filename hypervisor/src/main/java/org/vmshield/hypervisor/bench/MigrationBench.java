package org.vmshield.hypervisor.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vmshield.hypervisor.DirtyRate;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.MigrationResult;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;
import org.vmshield.hypervisor.qemu.GuestHttp;
import org.vmshield.hypervisor.qemu.GuestImageSource;
import org.vmshield.hypervisor.qemu.QemuHypervisor;

/**
 * Benchmarks live migration: per guest size and workload, vmshield's tuned migration, a bare QMP
 * migrate with QEMU's defaults (the baseline), and a plain loopback TCP transfer of the guest's
 * non-zero memory (the physical limit), all on the same guest in the same run.
 */
public final class MigrationBench {
    /** The host names the benchmark creates. */
    public static final List<String> HOSTS = List.of("bench-a", "bench-b");
    /** How long a bare migration may try to converge before it counts as not converging. */
    static final Duration RAW_TIMEOUT = Duration.ofSeconds(45);

    private final GuestImageSource images;
    private final Path home;
    private final NetworkMode network;
    private final MigrationOptions options;
    private final Consumer<String> progress;

    /** Creates the benchmark; {@code progress} receives one line per step. */
    public MigrationBench(GuestImageSource images, Path home, NetworkMode network, MigrationOptions options,
            Consumer<String> progress) {
        this.images = images;
        this.home = home;
        this.network = network;
        this.options = options;
        this.progress = progress;
    }

    /** Returns the options vmshield's migration uses in the benchmark (the tuned defaults). */
    public static MigrationOptions tunedOptions() {
        return MigrationOptions.defaults();
    }

    /** Runs every size with every workload and returns one row each. */
    public List<MigrationBenchResult> run(List<Long> sizesMiB, List<String> workloads) throws IOException {
        long maxMiB = sizesMiB.stream().mapToLong(Long::longValue).max().orElse(128);
        long hostMiB = maxMiB + QemuHypervisor.QEMU_OVERHEAD_MIB + 128;
        ClusterConfig cluster = new ClusterConfig(java.util.Optional.of(network),
                List.of(new HostSpec(HOSTS.get(0), 2.0, hostMiB), new HostSpec(HOSTS.get(1), 2.0, hostMiB)));
        List<MigrationBenchResult> rows = new ArrayList<>();
        try (QemuHypervisor hv = QemuHypervisor.create(cluster, images, home)) {
            for (long size : sizesMiB) {
                for (String workload : workloads) {
                    rows.add(runOne(hv, size, workload));
                }
            }
        }
        return rows;
    }

    private MigrationBenchResult runOne(QemuHypervisor hv, long sizeMiB, String workload) throws IOException {
        // each measured migration starts from a freshly booted guest on bench-a, so that both
        // report QEMU's own figures under the same conditions
        String name = "bench-" + sizeMiB + "-" + workload;
        double[] dirtyMiBps = new double[1];
        long[] nonZero = new long[1];
        double[] lowerMs = new double[1];
        MigrationResult tuned = withFreshGuest(hv, name, sizeMiB, workload, dirtyMiBps, () -> {
            nonZero[0] = hv.nonZeroMemoryBytes(name, home);
            lowerMs[0] = LoopbackTransfer.transferMillis(nonZero[0]);
            progress.accept(String.format("%s: %.1f MiB non-zero memory, loopback TCP transfer %.0f ms", name,
                    nonZero[0] / 1048576.0, lowerMs[0]));
            MigrationResult r = hv.migrate(name, HOSTS.get(1), options, p -> {}).await(Duration.ofMinutes(5));
            progress.accept(name + ": vmshield " + r.summary());
            return r;
        });
        MigrationResult raw = withFreshGuest(hv, name, sizeMiB, workload, new double[1], () -> {
            MigrationHandle h = hv.migrateWithQemuDefaults(name, HOSTS.get(1), p -> {});
            try {
                MigrationResult r = h.await(RAW_TIMEOUT);
                progress.accept(name + ": bare QMP " + r.summary());
                return r;
            } catch (HypervisorException e) {
                h.cancel();
                h.result().handle((ok, err) -> null).join();
                progress.accept(name + ": bare QMP migrate did not complete within " + RAW_TIMEOUT.toSeconds()
                        + " s: " + e.getMessage());
                return null;
            }
        });
        return new MigrationBenchResult(sizeMiB, workload, dirtyMiBps[0], tuned.totalMillis(), tuned.downtimeMillis(),
                tuned.transferredBytes(), tuned.passes(), raw == null ? -1 : raw.totalMillis(),
                raw == null ? -1 : raw.downtimeMillis(), raw == null ? -1 : raw.transferredBytes(), nonZero[0], lowerMs[0]);
    }

    private interface Step {
        MigrationResult run() throws IOException;
    }

    private MigrationResult withFreshGuest(QemuHypervisor hv, String name, long sizeMiB, String workload,
            double[] dirtyMiBps, Step step) throws IOException {
        progress.accept(name + ": starting a " + sizeMiB + " MiB guest");
        VmInfo vm = hv.start(new VmSpec(name, "bench", "v1", 1, sizeMiB, HOSTS.get(0)));
        try {
            if (workload.equals("dirty")) {
                long mb = Math.min(128, sizeMiB / 4);
                GuestHttp.Response r = GuestHttp.get(vm.endpoint(), "/dirty?mb=" + mb + "&secs=600", Duration.ofSeconds(10));
                if (r.status() != 200) {
                    throw new HypervisorException("guest refused /dirty: " + r.status() + " " + r.body().strip());
                }
                DirtyRate rate = hv.measureDirtyRate(name, Duration.ofSeconds(1));
                dirtyMiBps[0] = rate.mibPerSec();
                progress.accept(name + ": rewriting " + mb + " MiB in a loop, dirty rate " + Math.round(dirtyMiBps[0]) + " MiB/s");
            }
            return step.run();
        } finally {
            hv.stop(name);
        }
    }
}
