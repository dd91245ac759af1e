package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one QEMU process in the run directory.
 *
 * @param pidFile written by QEMU
 * @param qmpSocket its QMP socket
 * @param serialLog its serial console
 * @param stderrLog what QEMU itself prints
 */
record InstanceFiles(Path pidFile, Path qmpSocket, Path serialLog, Path stderrLog) {
    static InstanceFiles in(Path runDir, String instanceId) {
        return new InstanceFiles(runDir.resolve(instanceId + ".pid"), runDir.resolve(instanceId + ".qmp"),
                runDir.resolve(instanceId + ".serial.log"), runDir.resolve(instanceId + ".log"));
    }

    /** Deletes the files; missing ones are fine. */
    void delete() {
        for (Path p : new Path[] {pidFile, qmpSocket, serialLog, stderrLog}) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort: cleanup removes the run directory's leftovers
            }
        }
    }
}
