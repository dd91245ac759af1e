package org.vmshield.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a data-centre scenario: hosts of three sizes (a quarter small 8-core, half 16-core, a
 * quarter 32-core), services of a few VMs each with the usual path mix (a third of them with a
 * known flaw on {@code /search} in version 1.0, fixed in 1.1), VMs sized 1, 2 or 4 cores placed
 * round-robin where memory allows, legitimate traffic that keeps each VM near 35 % of its cap, and
 * attacks of every kind spread over the run. Deterministic for a given seed.
 */
public final class DatacenterGenerator {
    /**
     * What to generate.
     *
     * @param hosts hosts (at least 3)
     * @param vms VMs
     * @param services services; 0 for one per 10 VMs
     * @param attacks attacks; 0 for one per 50 services, at least 3
     * @param durationSeconds simulated time the attacks are spread over
     * @param seed random seed
     */
    public record Settings(int hosts, int vms, int services, int attacks, double durationSeconds, long seed) {
        public Settings {
            if (hosts < 3) {
                throw new ScenarioException("hosts: %s (expected: >= 3)".formatted(hosts));
            }
            if (vms < 1) {
                throw new ScenarioException("vms: %s (expected: >= 1)".formatted(vms));
            }
            if (services < 0 || attacks < 0) {
                throw new ScenarioException("services, attacks: %s, %s (expected: >= 0)".formatted(services, attacks));
            }
            if (!(durationSeconds >= 240)) {
                throw new ScenarioException("duration: %s s (expected: >= 240 s for a data centre: attacks start after 60 s)"
                        .formatted(durationSeconds));
            }
        }
    }

    private static final double TARGET_UTILISATION = 0.35;

    private DatacenterGenerator() {}

    /** Returns a generated scenario. */
    public static Scenario generate(Settings s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        int k = s.services() > 0 ? Math.min(s.services(), s.vms()) : Math.max(1, s.vms() / 10);
        List<HostSpec> hosts = new ArrayList<>(s.hosts());
        long[] freeMem = new long[s.hosts()];
        double[] freeCpu = new double[s.hosts()];
        for (int i = 0; i < s.hosts(); i++) {
            int size = i % 4 == 0 ? 8 : i % 4 == 3 ? 32 : 16;
            hosts.add(new HostSpec("h" + i, size, size * 4096L, size == 8 ? List.of("small") : List.of()));
            freeMem[i] = size * 4096L;
            freeCpu[i] = size * 1.5; // caps may overcommit the host by half
        }
        List<VmSpec> vms = new ArrayList<>(s.vms());
        double[] capOfService = new double[k];
        int cursor = 0;
        for (int j = 0; j < s.vms(); j++) {
            int svc = j % k;
            double cap = new double[] {1, 1, 2, 2, 2, 4}[rnd.nextInt(6)];
            long mem = (long) cap * 1024 + 256L * rnd.nextInt(4);
            int h = -1;
            for (int tries = 0; tries < s.hosts(); tries++) {
                int c = (cursor + tries) % s.hosts();
                if (freeMem[c] >= mem && freeCpu[c] >= cap) {
                    h = c;
                    break;
                }
            }
            if (h < 0) {
                throw new ScenarioException("vms: %s do not fit on %s hosts (expected: fewer VMs or more hosts)"
                        .formatted(s.vms(), s.hosts()));
            }
            cursor = (h + 1) % s.hosts();
            freeMem[h] -= mem;
            freeCpu[h] -= cap;
            capOfService[svc] += cap;
            vms.add(new VmSpec("s" + svc + "-" + (j / k + 1), "h" + h, "s" + svc, "1.0", (int) cap, cap, mem,
                    2.0 + rnd.nextInt(19), 10.0 + rnd.nextInt(31), null, null, null, null));
        }
        List<ServiceSpec> services = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double meanCost = 0.6 * 2.0 + 0.3 * 8.0 + 0.1 * 0.5;
            double rps = Math.max(5, Math.round(capOfService[i] * TARGET_UTILISATION * 1000 / meanCost));
            String crit = i % 10 == 0 ? "CRITICAL" : i % 5 == 1 ? "LOW" : "NORMAL";
            boolean flawed = i % 3 == 0;
            services.add(new ServiceSpec("s" + i, crit, rps, (int) Math.max(50, rps),
                    List.of(new PathSpec("/", 0.6, 2.0, null), new PathSpec("/search", 0.3, 8.0, 400.0),
                            new PathSpec("/static", 0.1, 0.5, null)),
                    List.of(new VersionSpec("1.0", flawed ? List.of("/search") : List.of()), new VersionSpec("1.1", List.of())),
                    "1.1", 1, 16));
        }
        int na = s.attacks() > 0 ? s.attacks() : Math.max(3, k / 50);
        List<AttackSpec> attacks = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            int kind = a % 6;
            int target = rnd.nextInt(k);
            if (kind == 2) {
                target = (target / 3) * 3; // a service with the flaw
            }
            ServiceSpec t = services.get(target);
            double start = 60 + rnd.nextDouble() * (s.durationSeconds() - 180);
            double dur = Math.min(s.durationSeconds() - start, 60 + rnd.nextInt(121));
            double legit = t.legitRps();
            attacks.add(switch (kind) {
                case 0 -> new AttackSpec(AttackKind.FLOOD, List.of(t.name()), start, dur, 6 * legit, 10, "/", null, null, null);
                case 1 -> new AttackSpec(AttackKind.FLOOD, List.of(t.name()), start, dur, 6 * legit, 2000, "/", null, null, null);
                case 2 -> new AttackSpec(AttackKind.COST, List.of(t.name()), start, dur, Math.max(2, legit * 0.1), 5, "/search",
                        null, null, null);
                case 3 -> new AttackSpec(AttackKind.FLOOD, List.of(t.name()), start, dur, 6 * legit, 20, "/", 10.0, 20.0, null);
                case 4 -> new AttackSpec(AttackKind.FLASH_CROWD, List.of(t.name()), start, dur, 2 * legit, 2 * t.clients(), "/",
                        null, null, null);
                default -> new AttackSpec(AttackKind.FLOOD,
                        List.of(t.name(), services.get((target + 1) % k).name(), services.get((target + 2) % k).name()), start, dur,
                        6 * legit, 2000, "/", null, null, 30.0);
            });
        }
        return new Scenario("datacenter-" + s.hosts() + "h-" + s.vms() + "vm", s.durationSeconds(),
                ModelSettings.DEFAULTS, hosts, services, vms, attacks);
    }
}
