package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryDumpTest {
    @Test
    void countsOnlyPagesWithANonZeroByte(@TempDir Path dir) throws Exception {
        byte[] mem = new byte[4096 * 10];
        mem[4096 * 2 + 4095] = 1; // last byte of page 2
        mem[4096 * 7] = 5; // first byte of page 7
        Path dump = dir.resolve("mem.bin");
        Files.write(dump, mem);
        assertThat(MemoryDump.nonZeroPageBytes(dump)).isEqualTo(2 * 4096);
    }
}
