package org.vmshield.hypervisor.qemu;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vmshield.hypervisor.HostSpec;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.cluster.ClusterConfig;
import org.vmshield.hypervisor.cluster.NetworkMode;

/** A controller for QemuCleanupTest to kill with SIGKILL: starts one VM, says READY, then waits (at most 2 minutes). */
public final class CrashingController {
    private CrashingController() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        QemuHypervisor hv = QemuHypervisor.create(new ClusterConfig(Optional.of(NetworkMode.valueOf(args[1])),
                List.of(new HostSpec("ct-a", 1.0, 512))), QemuTestSupport.images(), home);
        VmInfo vm = hv.start(new VmSpec("crash1", "web", "v1", 1, 128, "ct-a"));
        System.out.println("READY " + vm.endpoint());
        System.out.flush();
        Thread.sleep(120_000);
        hv.close();
    }
}
