package org.vmshield.load.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.PathMix;
import org.vmshield.load.SourceRange;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.attack.ConnFlood;
import org.vmshield.load.attack.CostAttack;
import org.vmshield.load.attack.FlashCrowd;
import org.vmshield.load.attack.Hopping;
import org.vmshield.load.attack.HttpFlood;
import org.vmshield.load.attack.Mixed;
import org.vmshield.load.attack.Pulsing;
import org.vmshield.load.attack.Slowloris;

class StreamCompilerTest {
    private static LoadPlan.Builder twoServices() {
        return LoadPlan.builder().service("a", "http://127.0.0.1:8001", 10).service("b", "http://127.0.0.1:8002", 20)
                .durationMillis(10_000).legitSourcesPerService(50);
    }

    @Test
    void legitimateStreamsGetDisjointSourceBlocksInTheLegitRange() {
        CompiledPlan c = StreamCompiler.compile(twoServices().build());
        assertThat(c.requests()).extracting(RequestStream::label).containsExactly("legit:a", "legit:b");
        assertThat(c.requests()).allMatch(s -> s.trafficClass() == TrafficClass.LEGIT && s.perSourceCapRps() == 0);
        assertThat(c.requests().get(0).sources()).isEqualTo(new SourceBlock(SourceRange.LEGIT, 0, 50));
        assertThat(c.requests().get(1).sources()).isEqualTo(new SourceBlock(SourceRange.LEGIT, 50, 50));
    }

    @Test
    void attacksGetDisjointAttackBlocksAndTheirWindow() {
        CompiledPlan c = StreamCompiler.compile(twoServices()
                .attack(new Mixed(new HttpFlood(100, 500, PathMix.ROOT), new CostAttack(3, 5, "q")), "a", 2_000, 5_000)
                .attack(new Slowloris(10, 2, 10, 1_000), "b", 0, 10_000)
                .build());
        RequestStream flood = c.requests().get(2);
        RequestStream cost = c.requests().get(3);
        assertThat(flood.sources()).isEqualTo(new SourceBlock(SourceRange.ATTACK, 0, 100));
        assertThat(cost.sources()).isEqualTo(new SourceBlock(SourceRange.ATTACK, 100, 3));
        assertThat(flood.perSourceCapRps()).isEqualTo(5.0);
        assertThat(flood.startNanos()).isEqualTo(2_000_000_000L);
        assertThat(flood.endNanos()).isEqualTo(7_000_000_000L);
        assertThat(cost.paths().pick("a", new java.util.Random())).isEqualTo("/search?q=q");
        ConnectionStream slow = c.connections().get(0);
        assertThat(slow.kind()).isEqualTo(ConnectionStream.Kind.SLOW_HEADERS);
        assertThat(slow.sources()).isEqualTo(new SourceBlock(SourceRange.ATTACK, 103, 2));
        assertThat(slow.services().serviceAt(0)).isEqualTo("b");
    }

    @Test
    void wrappersBecomeGatesAndSelectors() {
        CompiledPlan c = StreamCompiler.compile(twoServices()
                .attack(new Pulsing(new Hopping(new ConnFlood(5, 1, 10), List.of(), 1_000), 300, 700), "b", 0, 10_000)
                .build());
        ConnectionStream s = c.connections().get(0);
        long ms = 1_000_000L;
        assertThat(s.gate().isOn(100 * ms)).isTrue();
        assertThat(s.gate().isOn(500 * ms)).isFalse();
        assertThat(s.services().serviceAt(0)).isEqualTo("b");
        assertThat(s.services().serviceAt(1_000 * ms)).isEqualTo("a");
    }

    @Test
    void flashCrowdUsesNewSourcesFromTheUpperHalfOfTheLegitRange() {
        CompiledPlan c = StreamCompiler.compile(twoServices().attack(new FlashCrowd(300, 150, null), "a", 0, 1_000).build());
        RequestStream crowd = c.requests().get(2);
        assertThat(crowd.trafficClass()).isEqualTo(TrafficClass.FLASH_CROWD);
        assertThat(crowd.sources().offset()).isEqualTo(SourceRange.LEGIT.size() / 2);
        assertThat(crowd.sources().address(0).getHostAddress()).isEqualTo("127.1.128.0");
    }
}
