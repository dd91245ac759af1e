package org.vmshield.controller.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.ListenerView;
import org.vmshield.brain.Brain;
import org.vmshield.controller.BalancerSetup;
import org.vmshield.controller.Controller;
import org.vmshield.controller.admin.AdminServer;
import org.vmshield.controller.config.ConfigException;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ControllerConfigFile;
import org.vmshield.controller.config.HostDecl;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.reconcile.OrphanReaper;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.host.DriverGroup;
import org.vmshield.hypervisor.qemu.BuiltImages;
import org.vmshield.hypervisor.qemu.QemuHypervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield run --config cluster.yaml [--dry-run]}: starts the hypervisor's local hosts and
 * the configured VMs, the balancer in front of them, the control loop and its admin API; runs
 * until Ctrl-C, then stops the VMs, the balancer and closes the journal.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the controller: VMs, balancer, control loop (sense, detect, plan, act) and admin API.")
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Controller YAML (see controller/examples/cluster.yaml).")
    Path config;

    @Option(names = "--dry-run", description = "Plan and journal, change nothing.")
    boolean dryRun;

    @Option(names = "--journal", paramLabel = "FILE", description = "Journal file (overrides the config's).")
    Path journal;

    @Option(names = "--driver-weight", paramLabel = "SHARES", defaultValue = "32768",
            description = "CPU weight of this process's own cgroup (cgroup v1 cpu.shares, as root), beside the local hosts,"
                    + " so that the balancer and the control loop get the CPU they need when the guests ask for every core;"
                    + " 0 leaves the process where it is (default: ${DEFAULT-VALUE}; 2..262144).")
    long driverWeight;

    @Override
    public Integer call() throws Exception {
        ControllerConfig c;
        try {
            c = ControllerConfigFile.load(config);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (driverWeight != 0 && (driverWeight < 2 || driverWeight > 262_144)) {
            throw new ParameterException(spec.commandLine(),
                    "--driver-weight: " + driverWeight + " (expected: 0, or 2..262144)");
        }
        if (dryRun) {
            c = c.withDryRun(true);
        }
        if (journal != null) {
            c = c.withJournal(journal);
        }
        var out = spec.commandLine().getOut();
        ClusterConfig cluster = new ClusterConfig(c.network(), c.hosts().stream()
                .map((HostDecl h) -> new HostSpec(h.name(), h.cpuCores(), h.memoryMiB())).toList());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vmshield-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Long> orphans = OrphanReaper.reap();
        if (!orphans.isEmpty()) {
            out.printf("stopped %d QEMU processes a killed controller left behind: %s%n", orphans.size(), orphans);
        }
        try (Journal j = Journal.open(c.journal());
                QemuHypervisor hv = QemuHypervisor.create(cluster, BuiltImages.atDefaultHome());
                Balancer balancer = new Balancer(BalancerSetup.configFor(c)).start()) {
            out.printf("hypervisor: %d hosts, %s networking; journal %s%n", c.hosts().size(), hv.networkMode(), c.journal());
            Optional<DriverGroup> driver = driverWeight == 0 ? Optional.empty() : DriverGroup.enter(driverWeight);
            driver.ifPresent(g -> out.printf("this process runs in cgroup %s (cpu.shares %d)%n", g.dir(), driverWeight));
            try (Controller controller = new Controller(c, hv, balancer, j, Brain.withDefaults(),
                    "user".equals(hv.networkMode()), System::currentTimeMillis)) {
                out.printf("starting %d VMs (booting takes a few seconds each)...%n", c.vms().size());
                controller.start();
                try (AdminServer admin = new AdminServer(controller, c.admin()).start()) {
                    for (ListenerView l : balancer.listeners()) {
                        out.printf("service %s: http://%s:%d/%n", l.pool(), l.bind(), l.port());
                    }
                    out.printf("admin API: http://%s:%d/ (vmshield ctl --admin ...)%s%n", c.admin().bind(), admin.port(),
                            c.dryRun() ? "; DRY-RUN: nothing will be changed" : "");
                    out.println("running; Ctrl-C stops everything");
                    out.flush();
                    stop.await();
                    out.println("stopping: VMs, balancer, journal");
                    out.flush();
                }
            } finally {
                driver.ifPresent(DriverGroup::close);
            }
        } catch (org.vmshield.hypervisor.HypervisorException | org.vmshield.controller.journal.JournalException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // Already shutting down.
            }
        }
        return 0;
    }
}
