package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {
    @Test
    void readsRssAndItsPeakInMiB() {
        String status = "Name:\tjava\nVmPeak:\t 9999999 kB\nVmHWM:\t  307200 kB\nVmRSS:\t  204800 kB\nThreads:\t42\n";
        ProcessMemory m = ProcessMemory.parse(status);
        assertThat(m.rssMiB()).isEqualTo(200.0);
        assertThat(m.rssPeakMiB()).isEqualTo(300.0);
    }

    @Test
    void missingOrOddFieldsAreNotANumber() {
        ProcessMemory m = ProcessMemory.parse("Name:\tkthreadd\nVmRSS:\t12 MB\n");
        assertThat(m.rssMiB()).isNaN();
        assertThat(m.rssPeakMiB()).isNaN();
    }

    @Test
    void thisProcessHasAResidentSetOnLinux() {
        ProcessMemory self = ProcessMemory.ofSelf();
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertThat(self.rssMiB()).isPositive();
            assertThat(self.rssPeakMiB()).isGreaterThanOrEqualTo(self.rssMiB());
        }
    }

    @Test
    void countsOutOfMemoryErrorsInALog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("controller.log");
        Files.writeString(log, "ok\nException in thread \"x\" java.lang.OutOfMemoryError: Java heap space\n"
                + "\tat a.b(C.java:1)\nERROR tick failed java.lang.OutOfMemoryError: Java heap space\n");
        assertThat(ControllerHeapBench.countOutOfMemoryErrors(log)).isEqualTo(2);
        assertThat(ControllerHeapBench.countOutOfMemoryErrors(dir.resolve("missing.log"))).isZero();
    }
}
