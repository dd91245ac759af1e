package org.vmshield.bench.controller;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.ListenerView;
import org.vmshield.bench.controller.ChildMessage.Kind;
import org.vmshield.brain.Brain;
import org.vmshield.controller.BalancerSetup;
import org.vmshield.controller.Controller;
import org.vmshield.controller.admin.AdminServer;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.VmDecl;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.lifecycle.Teardown;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.VmState;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.QemuHypervisor;

/**
 * The controller under test, run in its own JVM by {@link ControllerHeapBench} (so that its heap
 * limit and its heap are the controller's alone): what {@code vmshield run} starts (the QEMU
 * hypervisor with its local hosts, the journal, the balancer in process, the control loop at its
 * default tick, the admin API) for the benchmark's cluster. It boots the VMs a few at a time,
 * starts the loop, runs the steady phase with a full GC every {@value #FULL_GC_EVERY_SECONDS} s,
 * reports on standard output ({@link ChildMessage}) and tears everything down, also on SIGTERM
 * or Ctrl-C.
 *
 * <p>Arguments: {@code VMS SECONDS GUEST_MEMORY_MIB BOOT_PARALLEL JOURNAL RUN_HOME}; RUN_HOME holds the QEMU
 * processes' files (the guest images come from {@code $VMSHIELD_HOME}), so that the benchmark can clean up
 * exactly this controller's leftovers if it has to kill it.
 */
public final class ControllerUnderTest {
    /** Period of the full GCs that measure the live heap during the steady phase. */
    static final int FULL_GC_EVERY_SECONDS = 20;
    static final int STATUS_EVERY_SECONDS = 5;
    /** Boots of one VM before the run gives up. */
    static final int BOOT_ATTEMPTS = 2;

    private final HeapBenchSettings settings;
    private final Path journalFile;
    private final Path runHome;
    private final PrintStream out;
    private final AtomicInteger outOfMemoryErrors = new AtomicInteger();
    private final AtomicInteger bootRetries = new AtomicInteger();

    private ControllerUnderTest(HeapBenchSettings settings, Path journalFile, Path runHome, PrintStream out) {
        this.settings = settings;
        this.journalFile = journalFile;
        this.runHome = runHome;
        this.out = out;
    }

    /** Runs the controller under test; exits 0 after reporting its figures, 1 after a failure, 2 on bad arguments. */
    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: ControllerUnderTest VMS SECONDS GUEST_MEMORY_MIB BOOT_PARALLEL JOURNAL RUN_HOME");
            System.exit(2);
        }
        HeapBenchSettings s = new HeapBenchSettings(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 0,
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), 0);
        if (!s.problems().isEmpty()) {
            System.err.println("bad arguments: " + String.join("; ", s.problems()));
            System.exit(2);
        }
        System.exit(new ControllerUnderTest(s, Path.of(args[4]), Path.of(args[5]), System.out).run());
    }

    private int run() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof OutOfMemoryError) {
                outOfMemoryErrors.incrementAndGet();
            }
            System.err.println("uncaught in " + t.getName() + ": " + e);
        });
        ControllerConfig config = HeapTopology.config(settings, journalFile);
        try (HeapMonitor heap = new HeapMonitor().start();
                Teardown teardown = new Teardown(line -> System.err.println("teardown: " + line))) {
            QemuHypervisor hv = teardown.add("hypervisor",
                    QemuHypervisor.create(HeapTopology.cluster(config), BuiltImages.atDefaultHome(), runHome));
            Journal journal = teardown.add("journal", Journal.open(config.journal()));
            Balancer balancer = teardown.add("balancer", new Balancer(BalancerSetup.configFor(config)).start());
            Controller controller = teardown.add("controller", new Controller(config, hv, balancer, journal,
                    Brain.withDefaults(), "user".equals(hv.networkMode()), System::currentTimeMillis));
            long bootStart = System.nanoTime();
            bootAll(hv, config.vms(), bootStart, teardown);
            double bootSeconds = (System.nanoTime() - bootStart) / 1e9;
            controller.start(); // every VM runs: it starts none, fills the pools and starts the loop
            AdminServer admin = teardown.add("admin API", new AdminServer(controller, config.admin()).start());
            Map<String, Object> ready = new LinkedHashMap<>();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (ListenerView l : balancer.listeners()) {
                ports.put(l.pool(), l.port());
            }
            ready.put("ports", ports);
            ready.put("bootSeconds", bootSeconds);
            ready.put("network", hv.networkMode());
            ready.put("adminPort", admin.port());
            double afterBoot = heap.usedAfterFullGcMiB();
            ready.put("usedAfterBootMiB", afterBoot);
            emit(Kind.READY, ready);
            ChildFigures figures = steadyPhase(controller, hv, heap, bootSeconds, afterBoot, teardown);
            emit(Kind.RESULT, figures);
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            if (e instanceof OutOfMemoryError) {
                outOfMemoryErrors.incrementAndGet();
            }
            e.printStackTrace();
            emit(Kind.ERROR, Map.of("message", String.valueOf(e), "outOfMemoryErrors", outOfMemoryErrors.get()));
            return 1;
        }
    }

    /** Boots every VM, at most {@code bootParallel} at a time, reporting each one that serves. */
    private void bootAll(Hypervisor hv, List<VmDecl> vms, long startNanos, Teardown teardown) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.bootParallel(), r -> {
            Thread t = new Thread(r, "vmshield-bench-boot");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        // On Ctrl-C the boots in progress are interrupted and awaited before the hypervisor closes:
        // a VM still starting cannot be stopped, but its interrupted boot kills its QEMU and removes its files.
        teardown.add("VM boots", () -> {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        });
        try {
            List<Future<?>> boots = new ArrayList<>();
            for (VmDecl vm : vms) {
                boots.add(pool.submit(() -> {
                    if (teardown.closed()) {
                        return null; // Ctrl-C: boot no more
                    }
                    boot(hv, vm, teardown);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("vm", vm.name());
                    m.put("host", vm.host());
                    m.put("done", done.incrementAndGet());
                    m.put("total", vms.size());
                    m.put("seconds", (System.nanoTime() - startNanos) / 1e9);
                    emit(Kind.BOOTED, m);
                    return null;
                }));
            }
            for (Future<?> f : boots) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (done.get() != vms.size()) {
            throw new IllegalStateException("interrupted while booting: " + done.get() + " of " + vms.size() + " VMs serve");
        }
    }

    /**
     * Boots one VM, once more when the first boot fails: on this busy 2-core machine a TCG guest
     * now and then never brings its network up (one of 20 in one run), and one bad boot must not
     * void a 20-VM measurement. A failed boot leaves nothing behind (the driver kills its QEMU).
     */
    private void boot(Hypervisor hv, VmDecl vm, Teardown teardown) {
        VmSpec spec = new VmSpec(vm.name(), vm.service(), vm.version(), vm.vcpus(), vm.memoryMiB(), vm.host());
        for (int attempt = 1; ; attempt++) {
            try {
                hv.start(spec);
                return;
            } catch (HypervisorException e) {
                if (attempt >= BOOT_ATTEMPTS || teardown.closed()) {
                    throw e;
                }
                bootRetries.incrementAndGet();
                emit(Kind.RETRY, Map.of("vm", vm.name(), "attempt", attempt, "message", String.valueOf(e.getMessage())));
            }
        }
    }

    private ChildFigures steadyPhase(Controller controller, QemuHypervisor hv, HeapMonitor heap, double bootSeconds,
            double afterBoot, Teardown teardown) throws InterruptedException {
        long start = System.nanoTime();
        double maxAfterGc = 0;
        int fullGcs = 0;
        for (int second = 1; second <= settings.seconds(); second++) {
            long wait = start / 1_000_000 + second * 1000L - System.nanoTime() / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait); // the phase's clock: nothing is awaited here
            }
            if (teardown.closed()) {
                throw new InterruptedException("stopped during the steady phase");
            }
            if (second % FULL_GC_EVERY_SECONDS == 0 && second < settings.seconds()) {
                maxAfterGc = Math.max(maxAfterGc, heap.usedAfterFullGcMiB());
                fullGcs++;
            }
            if (second % STATUS_EVERY_SECONDS == 0) {
                Map<String, Object> status = controller.status();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("second", second);
                m.put("ticks", status.get("ticks"));
                m.put("failedTicks", status.get("failedTicks"));
                m.put("usedMiB", heap.usedMiB());
                m.put("peakUsedMiB", heap.peakUsedMiB());
                emit(Kind.STATUS, m);
            }
        }
        double steadySeconds = (System.nanoTime() - start) / 1e9;
        double afterEnd = heap.usedAfterFullGcMiB();
        fullGcs++;
        maxAfterGc = Math.max(maxAfterGc, afterEnd);
        Map<String, Object> status = controller.status();
        String lastError = String.valueOf(status.get("lastError"));
        int ooms = outOfMemoryErrors.get() + (lastError.contains("OutOfMemoryError") ? 1 : 0);
        int running = (int) hv.vms().stream().filter(v -> v.state() == VmState.RUNNING).count();
        ProcessMemory rss = ProcessMemory.ofSelf();
        return new ChildFigures(settings.vms(), running, hv.networkMode(), bootSeconds, bootRetries.get(),
                steadySeconds, heap.maxHeapMiB(), HeapMonitor.collectorNames(), afterBoot, maxAfterGc, afterEnd, fullGcs,
                heap.peakUsedMiB(), heap.peakCommittedMiB(), heap.collections(), rss.rssMiB(), rss.rssPeakMiB(),
                ((Number) status.get("ticks")).longValue(), ((Number) status.get("failedTicks")).longValue(), lastError,
                ooms);
    }

    private synchronized void emit(Kind kind, Object body) {
        out.println(ChildMessage.format(kind, body));
        out.flush();
    }
}
