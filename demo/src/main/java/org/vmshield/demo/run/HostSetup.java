package org.vmshield.demo.run;

import java.util.function.Consumer;
import org.vmshield.hypervisor.image.GuestImages;
import org.vmshield.hypervisor.image.ImageBuildException;
import org.vmshield.hypervisor.setup.HostPreflight;
import org.vmshield.hypervisor.setup.PreflightException;

/**
 * The demo's own set-up: checks this host (installing QEMU and the guest's tools with apt-get
 * when missing and root) and builds the guest images v1 (vulnerable) and v2 (patched) when missing.
 */
public final class HostSetup {
    private HostSetup() {}

    /** Makes this host ready for the demo, reporting each step to {@code progress}. */
    public static void ensureReady(Consumer<String> progress) throws PreflightException, ImageBuildException {
        progress.accept("checking this host (QEMU, busybox-static, iproute2)");
        HostPreflight.forThisHost().ensureReady();
        GuestImages images = GuestImages.atDefaultHome().withProgress(progress);
        for (String version : new String[] {"v1", "v2"}) {
            images.ensureBuilt(version);
        }
        progress.accept("guest images v1 and v2 ready under " + images.home());
    }
}
