package org.vmshield.controller.qemu;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Skips a test that needs QEMU on a developer's machine without it; fails it under CI ({@code CI=true}). */
final class QemuRequirements {
    private QemuRequirements() {}

    static void requireQemu() {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= !d.isEmpty() && Files.isExecutable(Path.of(d, "qemu-system-x86_64"));
        }
        if (found) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("required under CI, so not skipped: qemu-system-x86_64 is not installed");
        }
        Assumptions.abort("qemu-system-x86_64 is not installed");
    }
}
