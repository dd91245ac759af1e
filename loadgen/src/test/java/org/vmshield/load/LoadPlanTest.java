package org.vmshield.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vmshield.load.attack.Hopping;
import org.vmshield.load.attack.HttpFlood;

class LoadPlanTest {
    @Test
    void refusesTargetsOutsideLoopbackAndTheProjectNamespaces() {
        for (String url : List.of("http://8.8.8.8:80", "http://192.168.1.10:80", "http://10.213.1.5:80",
                "http://example.com:80", "http://[::1]:80")) {
            assertThatThrownBy(() -> ServiceTarget.of("web", url, 1))
                    .as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not allowed")
                    .hasMessageContaining("expected: a loopback address in 127.0.0.0/8");
        }
        assertThat(ServiceTarget.of("web", "http://127.0.0.1:80", 1).isLoopback()).isTrue();
        assertThat(ServiceTarget.of("web", "http://localhost:80", 1).isLoopback()).isTrue();
        assertThat(ServiceTarget.of("web", "http://127.9.8.7:80", 1).isLoopback()).isTrue();
        assertThat(ServiceTarget.of("web", "http://10.213.0.17:8080", 1).isLoopback()).isFalse();
    }

    @Test
    void refusesBadUrlsAndValues() {
        assertThatThrownBy(() -> ServiceTarget.of("web", "https://127.0.0.1:80", 1)).hasMessageContaining("expected: http://host:port");
        assertThatThrownBy(() -> ServiceTarget.of("web", "http://127.0.0.1", 1)).hasMessageContaining("expected: an explicit port");
        assertThatThrownBy(() -> ServiceTarget.of("w b", "http://127.0.0.1:1", 1)).hasMessageContaining("service name");
        assertThatThrownBy(() -> ServiceTarget.of("web", "http://127.0.0.1:1", -1)).hasMessageContaining("legitRateRps of web: -1.0 (expected: >= 0)");
        assertThatThrownBy(() -> LoadPlan.builder().build()).hasMessageContaining("services: none");
        assertThatThrownBy(() -> LoadPlan.builder().service("a", "http://127.0.0.1:1", 1).durationMillis(0).build())
                .hasMessageContaining("durationMillis: 0 (expected: > 0");
        assertThatThrownBy(() -> LoadPlan.builder().service("a", "http://127.0.0.1:1", 1).service("a", "http://127.0.0.1:2", 1).build())
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> LoadPlan.builder().service("a", "http://127.0.0.1:1", 1).maxOutstanding(0).build())
                .hasMessageContaining("maxOutstanding: 0 (expected: > 0)");
    }

    @Test
    void refusesAttacksOnUnknownServicesOrOutsideTheRun() {
        LoadPlan.Builder b = LoadPlan.builder().service("a", "http://127.0.0.1:1", 1).durationMillis(5_000);
        assertThatThrownBy(() -> b.attack(HttpFlood.DEFAULT, "zz", 0, 1_000).build()).hasMessageContaining("attack service: zz");
        LoadPlan.Builder c = LoadPlan.builder().service("a", "http://127.0.0.1:1", 1).durationMillis(5_000);
        assertThatThrownBy(() -> c.attack(HttpFlood.DEFAULT, "a", 4_000, 2_000).build())
                .hasMessageContaining("ends at 6000 ms (expected: <= the run's durationMillis 5000)");
        LoadPlan.Builder d = LoadPlan.builder().service("a", "http://127.0.0.1:1", 1).durationMillis(5_000);
        assertThatThrownBy(() -> d.attack(new Hopping(HttpFlood.DEFAULT, List.of("a", "q"), 1_000), "a", 0, 1_000).build())
                .hasMessageContaining("hopping service: q");
        assertThatThrownBy(() -> new HttpFlood(0, 10, PathMix.ROOT)).hasMessageContaining("http-flood sources: 0 (expected: 1 to");
    }

    @Test
    void pathMixParsesWeightsAfterTheLastEqualsSign() {
        PathMix m = PathMix.parse("/=8,/search?q=x=1,/plain");
        assertThat(m.entries()).containsExactly(new PathMix.Entry("/", 8), new PathMix.Entry("/search?q=x", 1),
                new PathMix.Entry("/plain", 1));
        assertThat(PathMix.parse("/search?q=abc").entries()).containsExactly(new PathMix.Entry("/search?q=abc", 1));
        Random r = new Random(5);
        int root = 0;
        for (int i = 0; i < 10_000; i++) {
            if (m.pick(r).equals("/")) {
                root++;
            }
        }
        assertThat(root).isBetween(7_700, 8_300); // 8 in 10
        assertThatThrownBy(() -> PathMix.parse("nope=1")).hasMessageContaining("expected: starts with /");
        assertThatThrownBy(() -> PathMix.parse("/=0")).hasMessageContaining("weight of /: 0.0 (expected: > 0)");
    }

    @Test
    void sourceRangesAreLoopbackBlocks() {
        SourceRange r = SourceRange.parse("127.1.0.0/16");
        assertThat(r.size()).isEqualTo(65_534);
        assertThat(r.address(0).getHostAddress()).isEqualTo("127.1.0.1");
        assertThat(r.address(65_533).getHostAddress()).isEqualTo("127.1.255.254");
        assertThat(r.contains(SourceRange.ATTACK.address(5))).isFalse();
        assertThatThrownBy(() -> SourceRange.parse("10.0.0.0/8")).hasMessageContaining("expected: inside 127.0.0.0/8");
        assertThatThrownBy(() -> SourceRange.parse("127.1.0.1/16")).hasMessageContaining("host bits set");
        assertThatThrownBy(() -> r.address(65_534)).hasMessageContaining("expected: 0 to 65533");
    }
}
