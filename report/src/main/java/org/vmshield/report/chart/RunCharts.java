package org.vmshield.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.model.Phase;
import org.vmshield.report.model.RunEvent;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.phase.PhaseWindows;
import org.vmshield.report.table.Figures;

/**
 * Turns a run into its four charts over time: legitimate goodput per service, legitimate latency per
 * service (log scale), host CPU, and the attack's rate; all with the attack and mitigated phases shaded
 * and the incidents and actions marked. Samples are drawn at the middle of their second.
 */
public final class RunCharts {
    private static final Color[] PALETTE = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2),
        new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22), new Color(0x17, 0xbe, 0xcf),
    };
    private static final Color ATTACK = new Color(0xd6, 0x27, 0x28);
    private static final Color MITIGATED = new Color(0x2c, 0xa0, 0x2c);

    private RunCharts() {
    }

    /**
     * Returns the charts of {@code run}; {@code prefix} goes before each file stem ("" for the run,
     * "baseline-" for the baseline of a compare) and {@code titleSuffix} after each title.
     */
    public static List<Chart> of(RunRecord run, String prefix, String titleSuffix) {
        double xMax = run.durationMs() / 1000.0;
        List<Chart.Band> bands = bands(run);
        List<Chart.Marker> markers = markers(run);
        return List.of(
                new Chart(prefix + "goodput", "Legitimate goodput per service" + titleSuffix,
                        "legitimate responses per second", false, xMax, goodput(run), bands, markers),
                new Chart(prefix + "latency", "Legitimate latency per service" + titleSuffix,
                        "latency (ms, log scale)", true, xMax, latency(run), bands, markers),
                new Chart(prefix + "host-cpu", "Host CPU" + titleSuffix,
                        "CPU (cores)", false, xMax, hostCpu(run), bands, markers),
                new Chart(prefix + "attack", "Attack rate" + titleSuffix,
                        "attack requests per second", false, xMax, attack(run), bands, markers));
    }

    /** Returns the color of the i-th service or host, the same in every chart. */
    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Returns the color of a marker for an event of {@code kind}. */
    public static Color markerColor(EventKind kind) {
        return switch (kind) {
            case INCIDENT_OPENED -> ATTACK;
            case INCIDENT_RESOLVED -> MITIGATED;
            case ACTION_STARTED -> new Color(0x94, 0x67, 0xbd);
            case ACTION_FINISHED -> new Color(0x1f, 0x5f, 0xa0);
            case ACTION_FAILED -> Color.BLACK;
        };
    }

    /** Returns the text of an event in the markers' key, e.g. "t=31.2 s incident opened: http-flood". */
    public static String markerText(RunEvent event) {
        return Figures.at(event.atMs()) + " " + event.kind().text() + ": " + event.label();
    }

    private static List<Chart.Band> bands(RunRecord run) {
        List<Chart.Band> bands = new ArrayList<>();
        bands.add(new Chart.Band(run.attackOnsetMs() / 1000.0, run.attackEndMs() / 1000.0, "attack", ATTACK, false));
        PhaseWindows.of(run).window(Phase.MITIGATED).ifPresent(w -> bands.add(
                new Chart.Band(w.startMs() / 1000.0, w.endMs() / 1000.0, "mitigated", MITIGATED, true)));
        return bands;
    }

    private static List<Chart.Marker> markers(RunRecord run) {
        List<Chart.Marker> markers = new ArrayList<>();
        for (RunEvent event : run.events()) {
            markers.add(new Chart.Marker(event.atMs() / 1000.0, markers.size() + 1, markerText(event),
                    markerColor(event.kind())));
        }
        return markers;
    }

    private static List<Chart.Series> goodput(RunRecord run) {
        List<Chart.Series> series = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<ServiceSecond>> e : run.services().entrySet()) {
            series.add(serviceSeries(e.getKey() + " successes/s", color(i), false, e.getValue(),
                    s -> s.successes()));
            series.add(serviceSeries(e.getKey() + " failures/s", color(i), true, e.getValue(), s -> s.failures()));
            i++;
        }
        return series;
    }

    private static List<Chart.Series> latency(RunRecord run) {
        List<Chart.Series> series = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<ServiceSecond>> e : run.services().entrySet()) {
            series.add(serviceSeries(e.getKey() + " p99", color(i), false, e.getValue(), ServiceSecond::p99Ms));
            series.add(serviceSeries(e.getKey() + " p50", color(i), true, e.getValue(), ServiceSecond::p50Ms));
            i++;
        }
        return series;
    }

    private static Chart.Series serviceSeries(String name, Color color, boolean dashed, List<ServiceSecond> samples,
            ToDoubleFunction<ServiceSecond> value) {
        double[] xs = samples.stream().mapToDouble(s -> s.second() + 0.5).toArray();
        double[] ys = samples.stream().mapToDouble(value).toArray();
        return new Chart.Series(name, color, dashed, xs, ys);
    }

    private static List<Chart.Series> hostCpu(RunRecord run) {
        Map<String, List<HostCpuSecond>> byHost = new LinkedHashMap<>();
        for (HostCpuSecond sample : run.hostCpu()) {
            byHost.computeIfAbsent(sample.host(), ignored -> new ArrayList<>()).add(sample);
        }
        List<Chart.Series> series = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<HostCpuSecond>> e : byHost.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(s -> s.second() + 0.5).toArray();
            series.add(new Chart.Series(e.getKey() + " used", color(i), false, xs,
                    e.getValue().stream().mapToDouble(HostCpuSecond::usedCores).toArray()));
            series.add(new Chart.Series(e.getKey() + " capacity", color(i), true, xs,
                    e.getValue().stream().mapToDouble(HostCpuSecond::capacityCores).toArray()));
            i++;
        }
        return series;
    }

    private static List<Chart.Series> attack(RunRecord run) {
        double[] xs = run.attack().stream().mapToDouble(s -> s.second() + 0.5).toArray();
        return List.of(
                new Chart.Series("attack sent/s", ATTACK, false, xs,
                        run.attack().stream().mapToDouble(AttackSecond::sentRps).toArray()),
                new Chart.Series("refused by guards/s", new Color(0x55, 0x55, 0x55), true, xs,
                        run.attack().stream().mapToDouble(AttackSecond::blockedRps).toArray()));
    }
}
