package org.vmshield.report;

import java.util.Random;
import org.vmshield.report.model.AttackSecond;
import org.vmshield.report.model.EventKind;
import org.vmshield.report.model.HostCpuSecond;
import org.vmshield.report.model.Migration;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.model.ServiceSecond;
import org.vmshield.report.model.VersionSwitch;

/**
 * Builds synthetic but realistic runs of the canonical scenario (a 120 s run, a mixed attack from
 * 30 s to 90 s), with and without mitigation, with seeded noise so every test sees the same figures.
 */
public final class SampleRuns {
    public static final long DURATION_MS = 120_000;
    public static final long ONSET_MS = 30_000;
    public static final long END_MS = 90_000;
    /** The filter rule finished at 32.0 s: the mitigated phase starts there. */
    public static final long FIRST_ACTION_FINISHED_MS = 32_000;
    public static final long MIGRATION_DONE_MS = 33_400;
    public static final long SWITCH_DONE_MS = 38_500;

    private SampleRuns() {
    }

    /** Returns the run with vmshield acting: a filter rule, a migration, a version switch. */
    public static RunRecord mitigated() {
        RunRecord.Builder b = common(true, new Random(42));
        b.addEvent(31_900, EventKind.ACTION_STARTED, "add rule r1 (deny /search flood)")
                .addEvent(FIRST_ACTION_FINISHED_MS, EventKind.ACTION_FINISHED, "rule r1 in force")
                .addEvent(32_100, EventKind.ACTION_STARTED, "migrate attacked small -> big")
                .addEvent(MIGRATION_DONE_MS, EventKind.ACTION_FINISHED, "attacked now on big")
                .addEvent(34_000, EventKind.ACTION_STARTED, "switch attacked v1 -> v2-patched")
                .addEvent(SWITCH_DONE_MS, EventKind.ACTION_FINISHED, "attacked runs v2-patched")
                .addEvent(92_000, EventKind.INCIDENT_RESOLVED, "mixed attack on attacked over")
                .addMigration(new Migration("attacked", "small", "big", 32_100, 1_300, 38))
                .addVersionSwitch(new VersionSwitch("attacked", "v1", "v2-patched", 34_000, 4.5))
                .addRule("r1", "deny GET /search from 127.66.0.0/16 above 2 req/s per source")
                .detectionSeconds(1.2)
                .firstActionSeconds(1.9);
        return b.build();
    }

    /** Returns the same scenario with vmshield only observing. */
    public static RunRecord baseline() {
        return common(false, new Random(7)).detectionSeconds(1.3).build();
    }

    private static RunRecord.Builder common(boolean mitigation, Random random) {
        RunRecord.Builder b = RunRecord.builder()
                .scenario("canonical")
                .attackKind("mixed")
                .mitigation(mitigation)
                .durationMs(DURATION_MS)
                .attackWindow(ONSET_MS, END_MS)
                .addEvent(31_200, EventKind.INCIDENT_OPENED, "mixed attack on attacked");
        for (int s = 0; s < DURATION_MS / 1000; s++) {
            long ms = s * 1000L + 500;
            boolean attack = ms >= ONSET_MS && ms < END_MS;
            boolean migrated = mitigation && ms >= MIGRATION_DONE_MS;
            boolean switched = mitigation && ms >= SWITCH_DONE_MS;
            boolean filtered = mitigation && ms >= FIRST_ACTION_FINISHED_MS;
            // critical: 100 rps; hurt through the shared host until the attacked VM leaves it.
            double criticalOk = attack && !migrated ? 0.90 : 0.9995;
            double criticalP50 = attack && !migrated ? 140 : 4;
            double criticalP99 = attack && !migrated ? 420 : 12;
            b.addServiceSecond("critical", sample(s, 100, criticalOk, criticalP50, criticalP99, random));
            // attacked: 50 rps; collapses under the attack, recovers step by step.
            double attackedOk = !attack ? 0.999 : switched ? 0.985 : filtered ? 0.70 : 0.35;
            double attackedP50 = !attack ? 6 : switched ? 9 : filtered ? 300 : 900;
            double attackedP99 = !attack ? 20 : switched ? 35 : filtered ? 1500 : 3000;
            b.addServiceSecond("attacked", sample(s, 50, attackedOk, attackedP50, attackedP99, random));
            double smallUsed = attack && !migrated ? 1.0 : migrated && attack ? 0.35 : 0.45;
            double bigUsed = migrated && attack ? 0.9 : 0.15;
            b.addHostCpu(new HostCpuSecond(s, "small", jitter(smallUsed, 0.03, random, 1.0), 1.0));
            b.addHostCpu(new HostCpuSecond(s, "big", jitter(bigUsed, 0.03, random, 2.0), 2.0));
            double sent = attack ? jitter(4000, 150, random, 1e9) : 0;
            b.addAttack(new AttackSecond(s, sent, filtered && attack ? sent * 0.2 : 0));
        }
        return b;
    }

    private static ServiceSecond sample(int second, int rate, double okRate, double p50, double p99, Random random) {
        long requests = rate + random.nextInt(11) - 5;
        long successes = Math.round(requests * Math.min(1, okRate + random.nextGaussian() * 0.002));
        double p50Ms = jitter(p50, p50 * 0.08, random, 1e9);
        double p99Ms = Math.max(p50Ms, jitter(p99, p99 * 0.1, random, 1e9));
        return new ServiceSecond(second, requests, successes, requests - successes, p50Ms, p99Ms);
    }

    private static double jitter(double value, double spread, Random random, double max) {
        return Math.min(max, Math.max(0, value + random.nextGaussian() * spread));
    }
}
