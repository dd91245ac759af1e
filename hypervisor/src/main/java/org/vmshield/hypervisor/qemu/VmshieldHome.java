package org.vmshield.hypervisor.qemu;

import java.nio.file.Path;

/** Finds vmshield's state directory: {@code $VMSHIELD_HOME}, default {@code ~/.cache/vmshield}. */
public final class VmshieldHome {
    private VmshieldHome() {}

    /** Returns {@code $VMSHIELD_HOME}, or {@code ~/.cache/vmshield} when it is not set. */
    public static Path resolve() {
        String env = System.getenv("VMSHIELD_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vmshield");
    }

    /** Returns the directory of running QEMU processes' files (pidfiles, QMP sockets, serial logs). */
    public static Path runDir(Path home) {
        return home.resolve("run").resolve("qemu");
    }
}
