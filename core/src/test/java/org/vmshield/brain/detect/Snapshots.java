package org.vmshield.brain.detect;

import java.util.List;
import org.vmshield.model.telemetry.HostUsage;
import org.vmshield.model.telemetry.HypervisorSnapshot;
import org.vmshield.model.telemetry.PoolStats;
import org.vmshield.model.telemetry.TelemetrySnapshot;
import org.vmshield.model.telemetry.TrafficSnapshot;
import org.vmshield.model.telemetry.VmUsage;

/** Assembles synthetic telemetry snapshots, one per second of simulated time. */
final class Snapshots {
    static final long TICK_MILLIS = 1000;

    private Snapshots() {}

    /** Returns the time of tick {@code i} (tick 0 at 1,000,000 ms, one tick per second). */
    static long at(int i) {
        return 1_000_000 + i * TICK_MILLIS;
    }

    /** Returns the snapshot of tick {@code i} with these pools and no hypervisor figures. */
    static TelemetrySnapshot of(int i, PoolStats... pools) {
        long t = at(i);
        return new TelemetrySnapshot(t, new TrafficSnapshot(t, TICK_MILLIS, List.of(pools)), HypervisorSnapshot.empty(t));
    }

    /** Returns the snapshot of tick {@code i} with these pools, hosts and VMs. */
    static TelemetrySnapshot of(int i, List<PoolStats> pools, List<HostUsage> hosts, List<VmUsage> vms) {
        long t = at(i);
        return new TelemetrySnapshot(t, new TrafficSnapshot(t, TICK_MILLIS, pools), new HypervisorSnapshot(t, hosts, vms));
    }
}
