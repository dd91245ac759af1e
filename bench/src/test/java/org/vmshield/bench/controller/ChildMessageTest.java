package org.vmshield.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vmshield.bench.controller.ChildMessage.Kind;

class ChildMessageTest {
    @Test
    void aFormattedLineParsesBackToItsKindAndBody() {
        String line = ChildMessage.format(Kind.BOOTED, Map.of("vm", "heapbench-vm-01", "done", 3));
        ChildMessage m = ChildMessage.parse(line).orElseThrow();
        assertThat(m.kind()).isEqualTo(Kind.BOOTED);
        assertThat(m.body().path("vm").asText()).isEqualTo("heapbench-vm-01");
        assertThat(m.body().path("done").asInt()).isEqualTo(3);
    }

    @Test
    void figuresSurviveTheRoundTrip() {
        ChildFigures f = ResultTableTest.figures(20, 31.5, 0);
        ChildFigures back = ChildMessage.parse(ChildMessage.format(Kind.RESULT, f)).orElseThrow().as(ChildFigures.class);
        assertThat(back).isEqualTo(f);
    }

    @Test
    void otherLinesAreNotMessages() {
        assertThat(ChildMessage.parse(null)).isEmpty();
        assertThat(ChildMessage.parse("[main] INFO QemuHypervisor - started VM")).isEmpty();
        assertThat(ChildMessage.parse("@vmshield-bench BOOTED")).isEmpty();
        assertThat(ChildMessage.parse("@vmshield-bench NOPE {}")).isEmpty();
        assertThat(ChildMessage.parse("@vmshield-bench READY {not json")).isEmpty();
    }
}
