package org.vmshield.hypervisor.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BusyboxTest {

    @Test
    void tellsStaticFromDynamicBinaries() throws Exception {
        TestImages.requireImageTools();
        assertThat(Busybox.isStatic(Files.readAllBytes(Path.of("/bin/busybox")))).isTrue();
        // The JVM running this test is dynamically linked: it has a program interpreter.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(Busybox.isStatic(Files.readAllBytes(java))).isFalse();
    }

    @Test
    void rejectsWhatIsNotAnElfBinary() {
        assertThat(Busybox.isStatic("#!/bin/sh\necho hi\n".repeat(10).getBytes())).isFalse();
        assertThat(Busybox.isStatic(new byte[0])).isFalse();
    }
}
