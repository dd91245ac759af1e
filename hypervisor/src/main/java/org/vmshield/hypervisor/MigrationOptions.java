package org.vmshield.hypervisor;

import java.time.Duration;

/**
 * Tunes one live migration (pre-copy, optionally switching to post-copy).
 *
 * @param maxBandwidthBytesPerSec the most the copy may send per second
 * @param downtimeLimitMillis the longest pause of the VM allowed at switchover
 * @param autoConverge slow the guest's CPUs down when it dirties memory faster than it is copied
 * @param postCopy allow switching to post-copy (needed for {@link TimeoutAction#POSTCOPY})
 * @param multifdChannels parallel copy channels; 0 copies over one channel
 * @param completionTimeoutPerGiB how long the migration may last per GiB of guest memory
 * @param progressTimeout how long the copy may move no bytes before the guard rail fires
 * @param onTimeout what a guard rail does when it fires
 */
public record MigrationOptions(
        long maxBandwidthBytesPerSec,
        long downtimeLimitMillis,
        boolean autoConverge,
        boolean postCopy,
        int multifdChannels,
        Duration completionTimeoutPerGiB,
        Duration progressTimeout,
        TimeoutAction onTimeout) {

    /** What a guard rail does when a migration lasts too long or stops moving. */
    public enum TimeoutAction {
        /** Cancel the migration: the VM stays on its source host. */
        CANCEL,
        /** Switch to post-copy: the VM runs on the target at once and pulls the rest of its memory. */
        POSTCOPY
    }

    /**
     * Default bandwidth: 512 MiB/s, four times QEMU's default of 128 MiB/s. Not uncapped: with 8 GiB/s,
     * 3 of 4 bridge-mode migrations under TCG (QEMU 7.2) left the guest corrupted (virtio_net "id 0 is
     * not a head", "scheduling while atomic"); at 128 and 512 MiB/s none did.
     */
    public static final long DEFAULT_MAX_BANDWIDTH_BYTES_PER_SEC = 512L << 20;
    /** Default downtime limit: well under QEMU's 300 ms, so that a switchover is not noticed by TCP clients. */
    public static final long DEFAULT_DOWNTIME_LIMIT_MILLIS = 30;
    /** Default completion timeout per GiB, KubeVirt's. */
    public static final Duration DEFAULT_COMPLETION_TIMEOUT_PER_GIB = Duration.ofSeconds(150);
    /** Default progress timeout. */
    public static final Duration DEFAULT_PROGRESS_TIMEOUT = Duration.ofSeconds(30);

    /** Validates the options. */
    public MigrationOptions {
        if (maxBandwidthBytesPerSec < 1024 * 1024) {
            throw new IllegalArgumentException("maxBandwidthBytesPerSec: " + maxBandwidthBytesPerSec + " (expected: >= 1048576)");
        }
        if (downtimeLimitMillis < 1 || downtimeLimitMillis > 2000_000) {
            throw new IllegalArgumentException("downtimeLimitMillis: " + downtimeLimitMillis + " (expected: 1..2000000)");
        }
        if (multifdChannels < 0 || multifdChannels > 16) {
            throw new IllegalArgumentException("multifdChannels: " + multifdChannels + " (expected: 0..16)");
        }
        if (multifdChannels > 0 && postCopy) {
            throw new IllegalArgumentException("multifdChannels: " + multifdChannels + " with postCopy (expected: 0 when postCopy is on; QEMU cannot combine them)");
        }
        if (completionTimeoutPerGiB == null || completionTimeoutPerGiB.isNegative() || completionTimeoutPerGiB.isZero()) {
            throw new IllegalArgumentException("completionTimeoutPerGiB: " + completionTimeoutPerGiB + " (expected: > 0)");
        }
        if (progressTimeout == null || progressTimeout.isNegative() || progressTimeout.isZero()) {
            throw new IllegalArgumentException("progressTimeout: " + progressTimeout + " (expected: > 0)");
        }
        if (onTimeout == null) {
            throw new IllegalArgumentException("onTimeout: null (expected: CANCEL or POSTCOPY)");
        }
        if (onTimeout == TimeoutAction.POSTCOPY && !postCopy) {
            throw new IllegalArgumentException("onTimeout: POSTCOPY without postCopy (expected: postCopy = true, or onTimeout = CANCEL)");
        }
    }

    /** Returns the options vmshield uses by default: fast, short downtime, auto-converge, cancel on timeout. */
    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_MAX_BANDWIDTH_BYTES_PER_SEC, DEFAULT_DOWNTIME_LIMIT_MILLIS, true, false, 0,
                DEFAULT_COMPLETION_TIMEOUT_PER_GIB, DEFAULT_PROGRESS_TIMEOUT, TimeoutAction.CANCEL);
    }

    /** Returns a copy with another bandwidth limit. */
    public MigrationOptions withMaxBandwidthBytesPerSec(long value) {
        return new MigrationOptions(value, downtimeLimitMillis, autoConverge, postCopy, multifdChannels,
                completionTimeoutPerGiB, progressTimeout, onTimeout);
    }

    /** Returns a copy with another downtime limit. */
    public MigrationOptions withDowntimeLimitMillis(long value) {
        return new MigrationOptions(maxBandwidthBytesPerSec, value, autoConverge, postCopy, multifdChannels,
                completionTimeoutPerGiB, progressTimeout, onTimeout);
    }

    /** Returns a copy with auto-converge on or off. */
    public MigrationOptions withAutoConverge(boolean value) {
        return new MigrationOptions(maxBandwidthBytesPerSec, downtimeLimitMillis, value, postCopy, multifdChannels,
                completionTimeoutPerGiB, progressTimeout, onTimeout);
    }

    /** Returns a copy with post-copy allowed or not. */
    public MigrationOptions withPostCopy(boolean value) {
        return new MigrationOptions(maxBandwidthBytesPerSec, downtimeLimitMillis, autoConverge, value, multifdChannels,
                completionTimeoutPerGiB, progressTimeout, onTimeout);
    }

    /** Returns a copy with another number of multifd channels (0 = off). */
    public MigrationOptions withMultifdChannels(int value) {
        return new MigrationOptions(maxBandwidthBytesPerSec, downtimeLimitMillis, autoConverge, postCopy, value,
                completionTimeoutPerGiB, progressTimeout, onTimeout);
    }

    /** Returns a copy with other guard rails. */
    public MigrationOptions withGuardRails(Duration completionPerGiB, Duration progress, TimeoutAction action) {
        return new MigrationOptions(maxBandwidthBytesPerSec, downtimeLimitMillis, autoConverge, postCopy, multifdChannels,
                completionPerGiB, progress, action);
    }

    /** Returns the completion timeout for a guest of {@code memoryMiB}. */
    public Duration completionTimeoutFor(long memoryMiB) {
        return Duration.ofMillis(Math.max(1, completionTimeoutPerGiB.toMillis() * memoryMiB / 1024));
    }
}
