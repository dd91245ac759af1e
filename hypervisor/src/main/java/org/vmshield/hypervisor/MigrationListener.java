package org.vmshield.hypervisor;

/** Receives the progress of a live migration, from a driver thread; must return quickly. */
@FunctionalInterface
public interface MigrationListener {
    /** Receives one progress report. */
    void onProgress(MigrationProgress progress);

    /** Returns a listener that ignores every report. */
    static MigrationListener none() {
        return progress -> {};
    }
}
