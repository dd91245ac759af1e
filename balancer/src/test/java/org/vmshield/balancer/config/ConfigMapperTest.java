package org.vmshield.balancer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.balancer.guard.GuardRuleParser;

class ConfigMapperTest {
    @Test
    void theExampleConfigLoadsWithItsRules() throws Exception {
        BalancerConfig c = ConfigMapper.loadFile(Path.of("examples/balancer.yaml"));
        assertThat(c.listeners()).hasSize(2);
        assertThat(c.listeners().get(1).tcp()).isTrue();
        assertThat(c.pools().get(0).backends()).hasSize(2);
        assertThat(c.pools().get(0).healthCheck().fall()).isEqualTo(3);
        assertThat(c.pools().get(1).strategy()).isEqualTo("p2c-peak-ewma");
        var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        c.guards().forEach(array::add);
        assertThat(GuardRuleParser.parseList(array)).hasSize(3);
    }

    @Test
    void defaultsApplyToAMinimalConfig() throws Exception {
        BalancerConfig c = ConfigMapper.parseYaml("t", """
                listeners: [{port: 0, pool: p}]
                pools: [{name: p, backends: [{id: a, address: "127.0.0.1:1"}]}]
                """);
        assertThat(c.listeners().get(0).name()).isEqualTo("p");
        assertThat(c.listeners().get(0).protocol()).isEqualTo("http");
        assertThat(c.pools().get(0).backends().get(0).weight()).isEqualTo(100);
        assertThat(c.limits().headerTimeoutMillis()).isEqualTo(10_000L);
        assertThat(c.admin().port()).isEqualTo(9901);
        assertThat(c.pools().get(0).spareConnections()).isZero();
    }

    @Test
    void errorsNameTheFieldAndWhatWasExpected() {
        assertProblem("""
                pools: [{name: p, backends: [{id: a, address: "127.0.0.1:1", weight: -5}]}]
                """, "pools[0].backends[0].weight: -5 (expected: 0..10000)");
        assertProblem("""
                pools: [{name: p, backends: [{id: a, address: "nohost"}]}]
                """, "address: nohost (expected: host:port)");
        assertProblem("""
                pools: [{name: p, backends: [{id: a, address: "127.0.0.1:1", wieght: 5}]}]
                """, "pools[0].backends[0].wieght: unknown field (expected one of: address, id, state, weight)");
        assertProblem("""
                listeners: [{port: 80000, pool: nope, protocol: udp}]
                """, "listeners[0].port: 80000 (expected: 0..65535)");
        assertProblem("""
                listeners: [{port: 1, pool: nope}]
                """, "listeners[0].pool: nope (expected: the name of a pool in pools)");
        assertProblem("""
                listeners: [{port: 1, pool: p, protocol: udp}]
                pools: [{name: p}]
                """, "listeners[0].protocol: udp (expected: http or tcp)");
        assertProblem("""
                pools: [{name: p, strategy: random}]
                """, "strategy: random (expected: one of round-robin, least-outstanding, p2c-peak-ewma)");
        assertProblem("""
                limits: {headerTimeoutMillis: zero}
                """, "limits.headerTimeoutMillis: zero (expected: an integer)");
        assertProblem("""
                admin: {bind: 0.0.0.0}
                """, "admin.token: absent (expected: a bearer token of at least 16 characters when bind is not loopback)");
        assertProblem("""
                pools: [{name: p, backends: [{id: a, address: "127.0.0.1:1"}, {id: a, address: "127.0.0.1:2"}]}]
                """, "pools[0].backends[1].id: a (expected: unique in the pool)");
        assertProblem("""
                pools: [{name: p, spareConnections: 17}]
                """, "pools[0].spareConnections: 17 (expected: 0..16)");
    }

    @Test
    void aMissingFileIsReportedClearly(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigMapper.loadFile(dir.resolve("none.yaml")))
                .hasMessageContaining("file not found (expected: a readable YAML file)");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> ConfigMapper.loadFile(empty)).hasMessageContaining("expected");
    }

    private static void assertProblem(String yaml, String message) {
        assertThatThrownBy(() -> ConfigMapper.parseYaml("t", yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).contains(message)));
    }
}
