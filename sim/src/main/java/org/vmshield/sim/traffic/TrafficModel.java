package org.vmshield.sim.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.sim.scenario.AttackKind;
import org.vmshield.sim.scenario.AttackSpec;
import org.vmshield.sim.world.SimService;
import org.vmshield.sim.world.SimVm;
import org.vmshield.sim.world.World;

/**
 * Computes one tick of traffic for every pool: legitimate clients (rate with ±5 % seeded noise,
 * spread over the path mix), the attacks and flash crowds that are on, the filter rules in force,
 * and the resulting arrivals and CPU demand of every VM. Legitimate clients have addresses
 * {@code 10.0.x.y}; attack k's sources {@code 172.(k mod 250).x.y}; flash crowd k's {@code 100.(k mod 250).x.y}.
 * Each pool's {@link SourceWindow} follows its groups from tick to tick.
 */
public final class TrafficModel {
    private final List<AttackSpec> attacks;
    private final List<PoolTraffic> pools = new ArrayList<>();
    private final Map<String, PoolTraffic> byService = new HashMap<>();
    private final SplittableRandom random;

    /** Creates the model for a world's services and a scenario's attacks, with seeded noise. */
    public TrafficModel(World world, List<AttackSpec> attacks, long seed) {
        this.attacks = List.copyOf(attacks);
        this.random = new SplittableRandom(seed);
        for (SimService s : world.services) {
            PoolTraffic p = new PoolTraffic(s);
            pools.add(p);
            byService.put(s.name, p);
        }
    }

    /** Returns the pools, in service order. */
    public List<PoolTraffic> pools() {
        return pools;
    }

    /** Returns true when any attack (not a flash crowd) is on at {@code atMillis}. */
    public boolean attackOn(long atMillis) {
        for (AttackSpec a : attacks) {
            if (a.kind() != AttackKind.FLASH_CROWD && a.isOn(atMillis)) {
                return true;
            }
        }
        return false;
    }

    /** Computes this tick's traffic and sets every VM's arrivals and demand. */
    public void tick(World world, long nowMillis) {
        for (SimVm v : world.allVms()) {
            v.arrivalsRps = 0;
            v.legitArrivalsRps = 0;
            v.workCoresDemand = 0;
        }
        for (PoolTraffic p : pools) {
            p.reset();
            SimService s = p.service;
            double rps = s.spec.legitRps() * (0.95 + 0.1 * random.nextDouble());
            int clients = Math.max(1, s.spec.clients());
            p.groups.add(new SourceGroup("10.0", clients, rps / clients, true, -1, false, true));
        }
        for (int k = 0; k < attacks.size(); k++) {
            AttackSpec a = attacks.get(k);
            if (!a.isOn(nowMillis)) {
                continue;
            }
            PoolTraffic p = byService.get(a.targets().get(a.targetIndex(nowMillis)));
            double each = a.rps() / a.sources();
            switch (a.kind()) {
                case FLASH_CROWD -> p.groups.add(new SourceGroup("100." + (k % 250), a.sources(), each, true, -1, false, false));
                case FLOOD -> p.groups.add(new SourceGroup("172." + (k % 250), a.sources(), each, false,
                        Math.max(0, p.pathIndex(a.path())), false, false));
                case COST -> p.groups.add(new SourceGroup("172." + (k % 250), a.sources(), each, false,
                        p.pathIndex(a.path()), true, false));
            }
        }
        for (PoolTraffic p : pools) {
            p.window.update(p.groups, nowMillis);
        }
        Map<String, List<FilterRule>> rulesByPool = new HashMap<>();
        for (FilterRule r : world.rules.values()) {
            rulesByPool.computeIfAbsent(r.pool(), x -> new ArrayList<>()).add(r);
        }
        for (PoolTraffic p : pools) {
            p.settle(rulesByPool.getOrDefault(p.service.name, List.of()));
        }
    }
}
