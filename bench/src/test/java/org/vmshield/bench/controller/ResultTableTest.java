package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    static ChildFigures figures(int vmsRunning, double usedAfterGcMiB, int ooms) {
        return new ChildFigures(20, vmsRunning, "bridge", 41.2, 1, 60.0, 128.0, "G1 Young Generation, G1 Old Generation",
                usedAfterGcMiB - 1, usedAfterGcMiB, usedAfterGcMiB - 0.5, 3, 77.7, 100.0, 42, 250.0, 260.0, 121, 0, "",
                ooms);
    }

    private static HeapBenchResult result(ChildFigures f, int exit, String error) {
        return new HeapBenchResult(HeapBenchSettings.defaults(), f, exit, 0, 480, 479, 35.2, "timeout 1", "0.50 0.40 0.30",
                "1.20 0.80 0.50", error);
    }

    @Test
    void showsEachFigureBesideTheTargetAndTheVerdict() {
        String text = ResultTable.format(result(figures(20, 31.5, 0), 0, ""));
        assertThat(text).contains("20 QEMU VMs (128 MiB guests), 60 s steady phase", "-Xmx128m")
                .containsPattern("used heap after full GC \\(max of 3\\)\\s+31\\.5 MiB\\s+<= 128 MiB: met")
                .containsPattern("peak used heap \\(whole run\\)\\s+77\\.7 MiB")
                .containsPattern("process RSS \\(end / peak\\)\\s+250\\.0 MiB / 260\\.0 MiB")
                .contains("VMs booted in 41.2 s (1 boot(s) failed and were retried)")
                .contains("VMs running at the end", "20 / 20", "479 ok / 480, p99 35.2 ms (failed: timeout 1)", "0.50 0.40 0.30")
                .contains("target (controller heap for 20 VMs <= 128 MiB): MET");
    }

    @Test
    void aLiveHeapAboveTheTargetIsNotMet() {
        HeapBenchResult r = result(figures(20, 140.0, 0), 0, "");
        assertThat(r.targetMet()).isFalse();
        assertThat(ResultTable.format(r)).contains("<= 128 MiB: NOT met").contains("MiB): NOT MET");
    }

    @Test
    void anOutOfMemoryErrorOrALostVmFailsTheTarget() {
        assertThat(result(figures(20, 31.5, 1), 0, "").targetMet()).isFalse();
        assertThat(ResultTable.format(result(figures(20, 31.5, 1), 0, ""))).contains("none: NOT met");
        assertThat(result(figures(19, 31.5, 0), 0, "").targetMet()).isFalse();
        assertThat(result(figures(20, 31.5, 0), 0, "").targetMet()).isTrue();
    }

    @Test
    void aRunWithoutFiguresSaysWhy() {
        HeapBenchResult r = result(null, 1, "cannot start VM heapbench-vm-03: boot timed out");
        assertThat(r.completed()).isFalse();
        assertThat(ResultTable.format(r)).contains("FAILED: cannot start VM heapbench-vm-03: boot timed out (controller JVM exit code 1)");
    }

    @Test
    void theJsonCarriesTheVerdictAndTheTarget() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(result(figures(20, 31.5, 0), 0, "")));
        assertThat(json.path("targetMet").asBoolean()).isTrue();
        assertThat(json.path("targetMiB").asInt()).isEqualTo(128);
        assertThat(json.path("controller").path("usedAfterFullGcMaxMiB").asDouble()).isEqualTo(31.5);
        assertThat(json.path("settings").path("vms").asInt()).isEqualTo(20);
    }
}
