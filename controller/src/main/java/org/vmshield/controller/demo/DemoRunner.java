package org.vmshield.controller.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vmshield.balancer.Balancer;
import org.vmshield.brain.Brain;
import org.vmshield.controller.BalancerSetup;
import org.vmshield.controller.Controller;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.journal.Journal;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.QemuHypervisor;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.LoadRun;
import org.vmshield.load.PathMix;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.attack.AttackParams;
import org.vmshield.load.attack.AttackProfile;
import org.vmshield.load.attack.AttackProfiles;
import org.vmshield.report.model.RunRecord;

/**
 * Runs the paper's scenario once: boots the topology, starts the controller (observing only when
 * mitigation is off), sends legitimate load to both services and the attack to {@code attacked},
 * prints a status line each second, and returns the measured {@link RunRecord}. Everything it
 * started is stopped when it returns or throws.
 */
public final class DemoRunner {
    /** The attacked and the critical service, in the report's order. */
    public static final List<String> SERVICES = List.of("critical", "attacked");

    private final DemoOptions options;
    private final PrintWriter out;
    private volatile LoadRun current;

    /** Creates a runner printing its progress to {@code out}. */
    public DemoRunner(DemoOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
        AttackProfiles.of(options.attack(), params()); // validates the profile now, before anything starts
    }

    /** Stops the load of the run in progress (Ctrl-C); the run then winds down and cleans up. */
    public void stop() {
        LoadRun r = current;
        if (r != null) {
            r.stop();
        }
    }

    /** Runs the scenario with or without mitigation. */
    public RunRecord run(boolean mitigation) throws Exception {
        Files.createDirectories(options.workDir());
        Path journalFile = options.workDir().resolve(mitigation ? "journal-mitigated.db" : "journal-baseline.db");
        Files.deleteIfExists(journalFile);
        ControllerConfig config = DemoTopology.config(journalFile, mitigation, options.network());
        ClusterConfig cluster = new ClusterConfig(config.network(), config.hosts().stream()
                .map(h -> new HostSpec(h.name(), h.cpuCores(), h.memoryMiB())).toList());
        org.vmshield.controller.reconcile.OrphanReaper.reap();
        out.printf("== %s: booting the paper's topology (small: attacked-1 v1 + critical-1; big; spare)%n",
                mitigation ? "with vmshield" : "without mitigation (vmshield only observes)");
        out.flush();
        try (Journal journal = Journal.open(journalFile);
                QemuHypervisor hv = QemuHypervisor.create(cluster, BuiltImages.atDefaultHome());
                Balancer balancer = new Balancer(BalancerSetup.configFor(config)).start();
                Controller controller = new Controller(config, hv, balancer, journal, Brain.withDefaults(),
                        "user".equals(hv.networkMode()), System::currentTimeMillis)) {
            controller.start();
            AttackProfile profile = AttackProfiles.of(options.attack(), params());
            LoadPlan plan = LoadPlan.builder()
                    .service(new ServiceTarget("critical", java.net.URI.create("http://127.0.0.1:" + balancer.listenerPort("critical")),
                            options.legitRateRps(), PathMix.ROOT))
                    .service(new ServiceTarget("attacked", java.net.URI.create("http://127.0.0.1:" + balancer.listenerPort("attacked")),
                            options.legitRateRps(), PathMix.parse("/=3,/search?q=jacket=1")))
                    .durationMillis(options.durationMillis())
                    .attack(profile, "attacked", options.attackAtMillis(), options.attackForMillis())
                    .build();
            out.printf("== load: %.0f req/s per service for %d s; %s attack on 'attacked' from %d s to %d s%n",
                    options.legitRateRps(), options.durationMillis() / 1000, options.attack(),
                    options.attackAtMillis() / 1000, options.attackEndMillis() / 1000);
            out.flush();
            DemoListener listener = new DemoListener(controller, SERVICES, out);
            long loadStart = System.currentTimeMillis();
            LoadReport report;
            try (LoadRun run = LoadGenerator.start(plan, listener)) {
                current = run;
                loadStart = run.startedAt().toEpochMilli();
                report = run.awaitReport(Duration.ofMillis(options.durationMillis() + 60_000));
            } finally {
                current = null;
            }
            out.println("== stopping: VMs, balancer, journal");
            out.flush();
            return RunRecordAssembler.assemble(options, mitigation, report, listener, journal, loadStart);
        }
    }

    private AttackParams params() {
        Double rate = options.attackRateRps().orElse(null);
        return new AttackParams(rate, null, null, null, null, null, null, null, null, null, null, null);
    }
}
