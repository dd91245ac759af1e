package org.vmshield.demo.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight is raised while the demo runs and restored after; a missing group changes nothing. */
class CpuWeightTest {
    @Test
    void raisesAndRestores(@TempDir Path dir) throws Exception {
        Path shares = Files.writeString(dir.resolve("cpu.shares"), "1024\n");
        try (CpuWeight w = CpuWeight.raise(shares, 32_768).orElseThrow()) {
            assertThat(Files.readString(shares)).isEqualTo("32768");
            assertThat(w.previous()).isEqualTo("1024");
        }
        assertThat(Files.readString(shares)).isEqualTo("1024");
    }

    @Test
    void doesNothingWithoutTheGroup(@TempDir Path dir) {
        assertThat(CpuWeight.raise(dir.resolve("missing/cpu.shares"), 32_768)).isEmpty();
    }
}
