package org.vmshield.demo.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeoutException;
import org.vmshield.balancer.Balancer;
import org.vmshield.controller.BalancerSetup;
import org.vmshield.controller.Controller;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.lifecycle.Teardown;
import org.vmshield.controller.journal.JournalEvent;
import org.vmshield.demo.record.RunAssembler;
import org.vmshield.demo.record.RunInputs;
import org.vmshield.demo.scenario.DemoBrain;
import org.vmshield.demo.scenario.DemoSettings;
import org.vmshield.demo.scenario.DemoTopology;
import org.vmshield.demo.scenario.LoadSizing;
import org.vmshield.demo.scenario.Timeline;
import org.vmshield.hypervisor.host.DriverGroup;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.QemuHypervisor;
import org.vmshield.hypervisor.qemu.RunFolders;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadReport;
import org.vmshield.load.LoadRun;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;
import org.vmshield.report.model.RunRecord;

/**
 * Runs the canonical scenario once, end to end: local hosts and VMs (QEMU), the in-process
 * balancer, the controller (acting, or only observing in dry-run), a warm-up of legitimate load,
 * then the measured run with the attack over its middle half and a status line each second; then
 * tears everything down (also on Ctrl-C) and returns the run's record.
 */
public final class DemoRunner {
    /**
     * The CPU weight of the driver's own cgroup: 4 x the guests' (CpuWeight), so that the balancer and
     * the clients get the little CPU they need at once, even when the guests ask for every core.
     */
    static final long DRIVER_SHARES = 4 * CpuWeight.DEMO_SHARES;

    /** Legitimate load before the measured run: JIT, guests and the brain's baselines warm up. */
    static final long WARM_UP_MILLIS = 15_000;
    private static final int MAX_JOURNAL_EVENTS = 200_000;

    private final PrintWriter out;

    /** Creates a runner that prints its progress and status lines to {@code out}. */
    public DemoRunner(PrintWriter out) {
        this.out = out;
    }

    /** Runs the scenario with {@code settings}; returns when everything it started has been stopped. */
    public DemoResult run(DemoSettings settings) throws IOException, InterruptedException, TimeoutException {
        Timeline timeline = Timeline.of(settings.durationMillis());
        Teardown teardown = new Teardown(line -> {
            out.println("vmshield demo: " + line);
            out.flush();
        });
        try {
            Path dir = teardown.add("temporary files", new TempDir(RunFolders.create(RunFolders.DEMO))).path;
            ControllerConfig config = DemoTopology.config(settings.network(), !settings.mitigation(),
                    dir.resolve("journal.db"));
            say("run %s: attack %s for %d s from t=%d s, %s", settings.mitigation() ? "with vmshield" : "WITHOUT mitigation (observing only)",
                    settings.attack(), timeline.attackMillis() / 1000, timeline.onsetMillis() / 1000,
                    settings.network().name().toLowerCase(java.util.Locale.ROOT) + " networking");
            QemuHypervisor qemu = QemuHypervisor.create(DemoTopology.cluster(config), BuiltImages.atDefaultHome());
            RecordingHypervisor hv = teardown.add("hypervisor", new RecordingHypervisor(qemu, System::currentTimeMillis));
            CpuWeight.raise().ifPresent(w -> {
                teardown.add("cpu weight", w);
                say("vmshield's cgroup weighted %d (was %s) while the demo runs, so the local hosts get their quotas",
                        CpuWeight.DEMO_SHARES, w.previous());
            });
            DriverGroup.enter(DRIVER_SHARES).ifPresent(g -> {
                teardown.add("driver cgroup", g);
                say("balancer, controller and clients run in cgroup %s (weight %d), as on machines of their own",
                        g.dir().getFileName(), DRIVER_SHARES);
            });
            Journal journal = teardown.add("journal", Journal.open(config.journal()));
            Balancer balancer = teardown.add("balancer", new Balancer(BalancerSetup.configFor(config)).start());
            Controller controller = teardown.add("controller", new Controller(config, hv, balancer, journal,
                    DemoBrain.create(), "user".equals(qemu.networkMode()), System::currentTimeMillis));
            say("starting VMs %s (%s) and %s (%s) on host %s (%.1f cores); big host %.1f cores, spare %.1f cores",
                    DemoTopology.ATTACKED_VM, DemoTopology.ATTACKED, DemoTopology.CRITICAL_VM, DemoTopology.CRITICAL,
                    DemoTopology.SMALL, config.host(DemoTopology.SMALL).orElseThrow().cpuCores(),
                    config.host(DemoTopology.BIG).orElseThrow().cpuCores(), config.host(DemoTopology.SPARE).orElseThrow().cpuCores());
            long bootStart = System.nanoTime();
            controller.start();
            String attackedUrl = "http://127.0.0.1:" + balancer.listenerPort(DemoTopology.ATTACKED);
            String criticalUrl = "http://127.0.0.1:" + balancer.listenerPort(DemoTopology.CRITICAL);
            say("VMs serving after %.1f s; balancer: %s -> %s, %s -> %s", (System.nanoTime() - bootStart) / 1e9,
                    DemoTopology.ATTACKED, attackedUrl, DemoTopology.CRITICAL, criticalUrl);
            warmUp(teardown, attackedUrl, criticalUrl, settings.seed());
            LiveMonitor monitor = new LiveMonitor(controller, hv, balancer,
                    List.of(DemoTopology.CRITICAL, DemoTopology.ATTACKED), out);
            LoadRun run = teardown.add("load generator", LoadGenerator.start(
                    LoadSizing.plan(settings.attack(), attackedUrl, criticalUrl, timeline, settings.seed()), monitor));
            long runStartWall = run.startedAt().toEpochMilli();
            LoadReport load = run.awaitReport(Duration.ofMillis(settings.durationMillis() + 30_000));
            if (load.maxSendLagMillis() > 200 || load.unsentArrivals() > 0) {
                say("warning: the load generator ran late (max lag %.0f ms, %d arrivals unsent): the machine is short of CPU",
                        load.maxSendLagMillis(), load.unsentArrivals());
            }
            List<JournalEvent> events = journal.events(0, MAX_JOURNAL_EVENTS);
            RunRecord record = RunAssembler.assemble(new RunInputs(settings.attack(), settings.mitigation(), timeline,
                    load, runStartWall, events, journal.recentActions(10_000),
                    hv.migrations(), monitor.hostCpu(), monitor.attack()));
            OptionalDouble migrated = hv.migrations().stream()
                    .filter(m -> m.result().vm().equals(DemoTopology.ATTACKED_VM))
                    .mapToDouble(m -> (m.completedWallMillis() - runStartWall - timeline.onsetMillis()) / 1000.0)
                    .filter(s -> s >= 0)
                    .findFirst();
            say("stopping: load generator, controller and VMs, balancer, journal, hypervisor");
            teardown.close();
            return new DemoResult(record, migrated, load, QemuLeftovers.pids().size(), events,
                    runStartWall + timeline.onsetMillis());
        } finally {
            teardown.close();
        }
    }

    private void warmUp(Teardown teardown, String attackedUrl, String criticalUrl, long seed)
            throws InterruptedException, TimeoutException {
        say("warm-up: %d s of legitimate load", WARM_UP_MILLIS / 1000);
        try (LoadRun warm = LoadGenerator.start(LoadSizing.warmUp(attackedUrl, criticalUrl, WARM_UP_MILLIS, seed + 1))) {
            LoadReport r = warm.awaitReport(Duration.ofMillis(WARM_UP_MILLIS + 30_000));
            var c = r.stats(DemoTopology.CRITICAL, TrafficClass.LEGIT);
            var a = r.stats(DemoTopology.ATTACKED, TrafficClass.LEGIT);
            say("warm-up: critical %.1f%% ok p99 %.1f ms%s, attacked %.1f%% ok p99 %.1f ms%s", 100 * c.successRate(),
                    c.latency().p99Ms(), failures(c), 100 * a.successRate(), a.latency().p99Ms(), failures(a));
        }
        if (teardown.closed()) {
            throw new InterruptedException("interrupted during the warm-up");
        }
    }

    private static String failures(ClassStats s) {
        StringBuilder b = new StringBuilder();
        s.failures().forEach((kind, n) -> {
            if (n > 0) {
                b.append(b.length() == 0 ? " (failed: " : ", ").append(kind.name().toLowerCase(java.util.Locale.ROOT))
                        .append(' ').append(n);
            }
        });
        return b.length() == 0 ? "" : b.append(')').toString();
    }

    private void say(String format, Object... args) {
        out.println("vmshield demo: " + String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }

    /** A temporary folder removed with everything in it. */
    private static final class TempDir implements AutoCloseable {
        final Path path;

        TempDir(Path path) {
            this.path = path;
        }

        @Override
        public void close() {
            try {
                RunFolders.deleteTree(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
