package org.vmshield.controller.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vmshield.controller.Controller;
import org.vmshield.controller.actuate.ActionView;
import org.vmshield.load.FailureKind;
import org.vmshield.load.LoadListener;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.SecondStats;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.table.LiveStatus;
import org.vmshield.report.table.StatusLine;

/**
 * Receives the load generator's seconds: records the per-second series for the report (legit
 * figures per service, attack rate, host CPU from the controller's last snapshot) and prints the
 * live status line.
 */
final class DemoListener implements LoadListener {
    private final Controller controller;
    private final List<String> services;
    private final PrintWriter out;
    final List<ServiceSecond> seconds = new ArrayList<>();
    final List<String> secondService = new ArrayList<>();
    final List<AttackSecond> attack = new ArrayList<>();
    final List<HostCpuSecond> hostCpu = new ArrayList<>();

    DemoListener(Controller controller, List<String> services, PrintWriter out) {
        this.controller = controller;
        this.services = services;
        this.out = out;
    }

    @Override
    public void onSecond(SecondFigures f) {
        int second = f.second() - 1;
        List<LiveStatus.ServiceStatus> status = new ArrayList<>();
        double attackRps = 0;
        double blockedRps = 0;
        for (String s : services) {
            SecondStats legit = f.stats(s, TrafficClass.LEGIT);
            if (legit != null) {
                synchronized (this) {
                    seconds.add(new ServiceSecond(second, legit.requests(), legit.successes(),
                            legit.requests() - legit.successes(), nanIfNone(legit.p50Ms(), legit.requests()),
                            nanIfNone(legit.p99Ms(), legit.requests())));
                    secondService.add(s);
                }
                status.add(new LiveStatus.ServiceStatus(s, legit.successRate(), legit.p99Ms()));
            }
            SecondStats bad = f.stats(s, TrafficClass.ATTACK);
            if (bad != null) {
                attackRps += bad.requests();
                blockedRps += bad.failures().getOrDefault(FailureKind.HTTP_4XX, 0L)
                        + bad.failures().getOrDefault(FailureKind.RESET, 0L);
            }
        }
        TelemetrySnapshot snap = controller.lastSnapshot();
        synchronized (this) {
            attack.add(new AttackSecond(second, attackRps, Math.min(attackRps, blockedRps)));
            if (snap != null) {
                for (HostUsage h : snap.hypervisor().hosts()) {
                    hostCpu.add(new HostCpuSecond(second, h.host(), Math.max(0, h.cpuUsedCores()), h.cpuCapacityCores()));
                }
            }
        }
        List<String> running = new ArrayList<>();
        Optional<LiveStatus.MigrationProgress> migration = Optional.empty();
        for (ActionView a : controller.actions()) {
            if (a.endedMillis() == 0) {
                running.add(a.kind() + " " + a.description().split(" ")[1]);
                if (a.kind().startsWith("migrate") && a.progressPercent() >= 0) {
                    migration = Optional.of(new LiveStatus.MigrationProgress(a.description().split(" ")[1],
                            a.progressPercent() / 100.0));
                }
            }
        }
        out.println(StatusLine.format(new LiveStatus(f.endMillis() / 1000.0, status, attackRps,
                controller.incidents().size(), running, migration)));
        out.flush();
    }

    /** Returns the recorded seconds of each service, in order. */
    synchronized Map<String, List<ServiceSecond>> byService() {
        Map<String, List<ServiceSecond>> m = new java.util.LinkedHashMap<>();
        services.forEach(s -> m.put(s, new ArrayList<>()));
        for (int i = 0; i < seconds.size(); i++) {
            m.get(secondService.get(i)).add(seconds.get(i));
        }
        return m;
    }

    private static double nanIfNone(double v, long requests) {
        return requests == 0 ? Double.NaN : v;
    }
}
