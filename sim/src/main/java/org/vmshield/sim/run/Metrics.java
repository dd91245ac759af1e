package org.vmshield.sim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vmshield.brain.model.Criticality;
import org.vmshield.sim.scenario.AttackKind;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.traffic.PoolTraffic;
import org.vmshield.sim.world.SimService;
import org.vmshield.sim.world.SimVm;

/** Accumulates what a run measures: legitimate success and latency per group and phase, actions, migrations. */
final class Metrics {
    static final String[] PHASES = {"before", "attack", "after"};
    /** Services listed one by one up to this many; beyond, only groups. */
    static final int MAX_LISTED_SERVICES = 12;

    private final List<String> groupNames = new ArrayList<>();
    private final int[][] groupsOfService;
    // [group][phase] -> offered, ok, latency-weighted ok
    private final double[][][] acc;
    final Map<String, Integer> incidents = new TreeMap<>();
    final Map<String, Integer> actions = new TreeMap<>();
    int rejected;
    int migStarted;
    int migCompleted;
    int migFailed;
    double migSeconds;
    double migDowntimeMillis;
    double migMaxDowntimeMillis;
    double migSentMiB;

    Metrics(List<SimService> services, List<AttackSpec> attacks) {
        java.util.Set<String> attacked = new java.util.HashSet<>();
        for (AttackSpec a : attacks) {
            if (a.kind() != AttackKind.FLASH_CROWD) {
                attacked.addAll(a.targets());
            }
        }
        boolean listEach = services.size() <= MAX_LISTED_SERVICES;
        Map<String, Integer> index = new LinkedHashMap<>();
        if (listEach) {
            for (SimService s : services) {
                index.put(s.name, index.size());
            }
        }
        for (String g : List.of("attacked", "critical", "others", "all")) {
            index.put(g, index.size());
        }
        groupNames.addAll(index.keySet());
        groupsOfService = new int[services.size()][];
        for (SimService s : services) {
            List<Integer> gs = new ArrayList<>();
            if (listEach) {
                gs.add(index.get(s.name));
            }
            if (attacked.contains(s.name)) {
                gs.add(index.get("attacked"));
            } else {
                gs.add(index.get("others"));
            }
            if (s.criticality == Criticality.CRITICAL) {
                gs.add(index.get("critical"));
            }
            gs.add(index.get("all"));
            groupsOfService[s.index] = gs.stream().mapToInt(Integer::intValue).toArray();
        }
        acc = new double[groupNames.size()][PHASES.length][3];
    }

    /** Adds one tick of one pool's legitimate traffic. */
    void record(PoolTraffic p, int phase, double secs) {
        double offered = p.legitOffered * secs;
        double ok = 0;
        double lat = 0;
        for (SimVm v : p.service.vms) {
            if (v.legitArrivalsRps > 0) {
                double o = v.legitArrivalsRps * v.successFraction * secs;
                ok += o;
                lat += o * v.meanLatencyMillis;
            }
        }
        for (int g : groupsOfService[p.service.index]) {
            acc[g][phase][0] += offered;
            acc[g][phase][1] += ok;
            acc[g][phase][2] += lat;
        }
    }

    void count(Map<String, Integer> m, String key) {
        m.merge(key, 1, Integer::sum);
    }

    List<SimResult.GroupPhase> groups() {
        List<SimResult.GroupPhase> out = new ArrayList<>();
        for (int g = 0; g < groupNames.size(); g++) {
            for (int ph = 0; ph < PHASES.length; ph++) {
                double[] a = acc[g][ph];
                if (a[0] <= 0) {
                    continue;
                }
                out.add(new SimResult.GroupPhase(groupNames.get(g), PHASES[ph], Math.round(a[0]), a[1] / a[0],
                        a[1] > 0 ? a[2] / a[1] : 0));
            }
        }
        return out;
    }

    SimResult.MigrationStats migrations() {
        return new SimResult.MigrationStats(migStarted, migCompleted, migFailed, migSeconds,
                migCompleted > 0 ? migSeconds / migCompleted : 0, migDowntimeMillis, migMaxDowntimeMillis, migSentMiB);
    }
}
