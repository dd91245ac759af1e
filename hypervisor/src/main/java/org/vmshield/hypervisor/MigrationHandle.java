package org.vmshield.hypervisor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A live migration in flight: its result to come, and a way to cancel it. */
public interface MigrationHandle {
    /** Returns the VM being moved. */
    String vm();

    /** Returns the host it moves to. */
    String targetHost();

    /** Returns the result; fails with {@link MigrationFailedException} when the migration fails or is cancelled. */
    CompletableFuture<MigrationResult> result();

    /** Asks the migration to stop; returns false when it had already finished. */
    boolean cancel();

    /**
     * Waits for the result.
     *
     * @throws MigrationFailedException the migration failed or was cancelled
     * @throws HypervisorException no result within {@code timeout}
     */
    default MigrationResult await(Duration timeout) {
        try {
            return result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HypervisorException he) {
                throw he;
            }
            throw new HypervisorException("migration of " + vm() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new HypervisorException("migration of " + vm() + " did not finish within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HypervisorException("interrupted while waiting for the migration of " + vm());
        }
    }
}
