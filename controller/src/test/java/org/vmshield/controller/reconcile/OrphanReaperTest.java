package org.vmshield.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrphanReaperTest {
    @Test
    void readsTheControllerPidFromAVmshieldQemuCommandLine() {
        assertThat(OrphanReaper.ownerOf("qemu-system-x86_64 -name vmshield-web-p1-p4242-3,process=vmshield-web-p1-p4242-3 -m 256"))
                .isEqualTo(4242L);
        assertThat(OrphanReaper.ownerOf("qemu-system-x86_64 -name other -m 256")).isNull();
        assertThat(OrphanReaper.ownerOf("java -name vmshield-web-p4242-3,process=x")).isNull();
    }
}
