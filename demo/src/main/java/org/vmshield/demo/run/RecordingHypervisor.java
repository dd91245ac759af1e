package org.vmshield.demo.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.vmshield.hypervisor.DirtyRate;
import org.vmshield.hypervisor.HostInfo;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.MigrationHandle;
import org.vmshield.hypervisor.MigrationListener;
import org.vmshield.hypervisor.MigrationOptions;
import org.vmshield.hypervisor.UsageSample;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;

/**
 * Passes every call to the real hypervisor and keeps what the report needs: the last usage sample
 * the controller took (so that the demo's own per-second view does not take samples of its own,
 * which would shorten the controller's measuring intervals) and every completed migration with its
 * request and completion times.
 */
public final class RecordingHypervisor implements Hypervisor {
    private final Hypervisor delegate;
    private final LongSupplier wallClock;
    private final List<MigrationRecord> migrations = new CopyOnWriteArrayList<>();
    private volatile UsageSample lastUsage;

    /** Wraps {@code delegate}; {@code wallClockMillis} timestamps migrations. */
    public RecordingHypervisor(Hypervisor delegate, LongSupplier wallClockMillis) {
        this.delegate = delegate;
        this.wallClock = wallClockMillis;
    }

    /** Returns the last usage sample taken through this hypervisor, if any. */
    public Optional<UsageSample> lastUsage() {
        return Optional.ofNullable(lastUsage);
    }

    /** Returns the migrations completed so far, in completion order. */
    public List<MigrationRecord> migrations() {
        return List.copyOf(migrations);
    }

    @Override
    public List<HostInfo> hosts() {
        return delegate.hosts();
    }

    @Override
    public List<VmInfo> vms() {
        return delegate.vms();
    }

    @Override
    public Optional<VmInfo> inspect(String vm) {
        return delegate.inspect(vm);
    }

    @Override
    public VmInfo start(VmSpec spec) {
        return delegate.start(spec);
    }

    @Override
    public void stop(String vm) {
        delegate.stop(vm);
    }

    @Override
    public UsageSample usage() {
        UsageSample sample = delegate.usage();
        lastUsage = sample;
        return sample;
    }

    @Override
    public MigrationHandle migrate(String vm, String targetHost, MigrationOptions options, MigrationListener listener) {
        long requested = wallClock.getAsLong();
        MigrationHandle handle = delegate.migrate(vm, targetHost, options, listener);
        handle.result().thenAccept(r -> migrations.add(new MigrationRecord(requested, wallClock.getAsLong(), r)));
        return handle;
    }

    @Override
    public void setHostCpuShares(String host, long shares) {
        delegate.setHostCpuShares(host, shares);
    }

    @Override
    public void setVmCpuPriority(String vm, int nice) {
        delegate.setVmCpuPriority(vm, nice);
    }

    @Override
    public void setVmCpuCap(String vm, double cores) {
        delegate.setVmCpuCap(vm, cores);
    }

    @Override
    public boolean cancelMigration(String vm) {
        return delegate.cancelMigration(vm);
    }

    @Override
    public DirtyRate measureDirtyRate(String vm, Duration duration) {
        return delegate.measureDirtyRate(vm, duration);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
