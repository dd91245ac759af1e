package org.vmshield.hypervisor.cli;

import java.util.concurrent.Callable;
import org.vmshield.hypervisor.qemu.QemuCleanup;
import org.vmshield.hypervisor.qemu.VmshieldHome;
import picocli.CommandLine.Command;

/** Removes everything vmshield created, also after its controller was killed. */
@Command(
        name = "cleanup",
        mixinStandardHelpOptions = true,
        description = "Removes everything vmshield created on this machine (QEMU processes, network namespace and"
                + " links, cgroups, run files), also after a controller was killed with kill -9. Exits 1 when"
                + " something could not be removed.")
public final class CleanupCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        QemuCleanup.Report report = QemuCleanup.run(VmshieldHome.resolve());
        System.out.println("vmshield cleanup: " + report.summary());
        if (!"root".equals(System.getProperty("user.name"))) {
            System.out.println("vmshield cleanup: not root, so cgroups and the network namespace were left alone"
                    + " (run as root to remove them)");
        }
        return report.problems().isEmpty() ? 0 : 1;
    }
}
