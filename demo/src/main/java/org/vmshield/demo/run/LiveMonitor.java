package org.vmshield.demo.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmshield.balancer.Balancer;
import org.vmshield.brain.incident.Incident;
import org.vmshield.brain.incident.IncidentState;
import org.vmshield.controller.Controller;
import org.vmshield.controller.actuate.ActionView;
import org.vmshield.hypervisor.HostUsage;
import org.vmshield.load.LoadListener;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.SecondStats;
import org.vmshield.model.telemetry.GuardStat;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.table.LiveStatus;
import org.vmshield.report.table.StatusLine;

/**
 * Each second of the measured run (on the load generator's listener thread): prints the status
 * line (legitimate success and p99 per service, attack rate, open incidents, actions in progress,
 * a migration's progress) and keeps the per-second samples the load generator does not have:
 * host CPU (from the controller's last usage sample) and attack requests refused by the guards.
 */
public final class LiveMonitor implements LoadListener {
    private final Controller controller;
    private final RecordingHypervisor hypervisor;
    private final Balancer balancer;
    private final List<String> services;
    private final PrintWriter out;
    private final List<HostCpuSecond> hostCpu = new ArrayList<>();
    private final List<AttackSecond> attack = new ArrayList<>();
    private long refusedBefore;

    /** Creates a monitor of {@code services} (display order) that prints to {@code out}. */
    public LiveMonitor(Controller controller, RecordingHypervisor hypervisor, Balancer balancer, List<String> services,
            PrintWriter out) {
        this.controller = controller;
        this.hypervisor = hypervisor;
        this.balancer = balancer;
        this.services = List.copyOf(services);
        this.out = out;
        this.refusedBefore = refusedTotal();
    }

    @Override
    public void onSecond(SecondFigures f) {
        int second = f.second() - 1;
        double lengthSeconds = Math.max(0.001, (f.endMillis() - f.startMillis()) / 1000.0);
        List<LiveStatus.ServiceStatus> statuses = new ArrayList<>();
        long attackRequests = 0;
        for (String s : services) {
            SecondStats legit = f.stats(s, TrafficClass.LEGIT);
            boolean any = legit != null && legit.requests() > 0;
            statuses.add(new LiveStatus.ServiceStatus(s, any ? legit.successRate() : Double.NaN,
                    any ? legit.p99Ms() : Double.NaN));
            attackRequests += requests(f.stats(s, TrafficClass.ATTACK)) + requests(f.stats(s, TrafficClass.FLASH_CROWD));
        }
        long refused = refusedTotal();
        double attackRps = attackRequests / lengthSeconds;
        double blockedRps = Math.min(attackRps, Math.max(0, refused - refusedBefore) / lengthSeconds);
        refusedBefore = refused;
        List<HostCpuSecond> hosts = new ArrayList<>();
        hypervisor.lastUsage().ifPresent(u -> {
            for (HostUsage h : u.hosts()) {
                if (h.cpuCapacityCores() > 0) {
                    hosts.add(new HostCpuSecond(second, h.host(), Math.max(0, h.coresUsed()), h.cpuCapacityCores()));
                }
            }
        });
        synchronized (this) {
            attack.add(new AttackSecond(second, attackRps, blockedRps));
            hostCpu.addAll(hosts);
        }
        int incidents = 0;
        for (Incident i : controller.incidents()) {
            if (i.state() != IncidentState.RESOLVED && i.kind().isAttack()) {
                incidents++;
            }
        }
        List<String> actions = new ArrayList<>();
        Optional<LiveStatus.MigrationProgress> migration = Optional.empty();
        for (ActionView a : controller.actions()) {
            if (!"RUNNING".equals(a.status())) {
                continue;
            }
            String vm = subject(a.description());
            actions.add(a.kind() + " " + vm);
            if (a.kind().startsWith("migrate") && a.progressPercent() >= 0 && migration.isEmpty()) {
                migration = Optional.of(new LiveStatus.MigrationProgress(vm, a.progressPercent() / 100.0));
            }
        }
        out.println(StatusLine.format(new LiveStatus(f.endMillis() / 1000.0, statuses, attackRps, incidents, actions,
                migration)));
        out.flush();
    }

    /** Returns the host CPU samples so far. */
    public synchronized List<HostCpuSecond> hostCpu() {
        return List.copyOf(hostCpu);
    }

    /** Returns the attack samples so far. */
    public synchronized List<AttackSecond> attack() {
        return List.copyOf(attack);
    }

    private long refusedTotal() {
        long n = 0;
        for (Map.Entry<String, GuardStat> e : balancer.guardChain().counters().totals().entrySet()) {
            n += e.getValue().requestsRefused() + e.getValue().connectionsRefused();
        }
        return n;
    }

    private static long requests(SecondStats s) {
        return s == null ? 0 : s.requests();
    }

    /** Returns the second word of an action's description: the VM or rule it acts on. */
    static String subject(String description) {
        String[] words = description.split("\\s+");
        return words.length > 1 ? words[1] : description;
    }
}
