package org.vmshield.controller.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.RuleKind;

class RuleMapperTest {
    @Test
    void mapsAPathLimitToExactlyThatPath() {
        PathRateRule r = (PathRateRule) RuleMapper.toGuard(
                new FilterRule("COST_ATTACK:pool=web@5/RATE_LIMIT_PATH//", RuleKind.RATE_LIMIT_PATH, "web", "/", 2, "i", 10_500), 1_000);
        assertThat(r.pool()).isEqualTo("web");
        assertThat(r.rateRps()).isEqualTo(2.0);
        assertThat(r.ttlSeconds()).isEqualTo(10L);
        // Exact: a limit on "/" must not catch "/search".
        assertThat(r.prefix()).isNull();
        assertThat(r.pattern()).isEqualTo("/");
    }

    @Test
    void mapsAnInFlightCapToExactlyThatPathWithAWholeCap() {
        PathInFlightRule r = (PathInFlightRule) RuleMapper.toGuard(new FilterRule("COST_ATTACK:pool=web@5/IN_FLIGHT_LIMIT_PATH//search",
                RuleKind.IN_FLIGHT_LIMIT_PATH, "web", "/search", 1.4, "i", 10_500), 1_000);
        assertThat(r.pool()).isEqualTo("web");
        assertThat(r.maxInFlight()).isEqualTo(1);
        assertThat(r.pattern()).isEqualTo("/search");
        assertThat(r.prefix()).isNull();
        assertThat(r.ttlSeconds()).isEqualTo(10L);
    }

    @Test
    void mapsBlocksAndSourceLimits() {
        CidrRule block = (CidrRule) RuleMapper.toGuard(
                new FilterRule("x/BLOCK_SOURCE/127.66.0.1", RuleKind.BLOCK_SOURCE, "web", "127.66.0.1", 0, "x", 5_000), 4_001);
        assertThat(block.cidrs()).containsExactly("127.66.0.1/32");
        assertThat(block.allows()).isFalse();
        assertThat(block.ttlSeconds()).isEqualTo(1L);
        SourceRateRule rate = (SourceRateRule) RuleMapper.toGuard(
                new FilterRule("x/RATE_LIMIT_SOURCE/127.66.0.1", RuleKind.RATE_LIMIT_SOURCE, "web", "127.66.0.1", 3, "x", 60_000), 0);
        assertThat(rate.pool()).isEqualTo("web");
        assertThat(rate.rateRps()).isEqualTo(3.0);
        assertThatThrownBy(() -> RuleMapper.toGuard(
                new FilterRule("x/RATE_LIMIT_SOURCE/a", RuleKind.RATE_LIMIT_SOURCE, "web", "127.66.0.1", 0, "x", 60_000), 0))
                .hasMessageContaining("expected: > 0");
    }

    @Test
    void makesBrainIdsAcceptableToTheBalancerDeterministically() {
        String id = "COST_ATTACK:pool=web,backend=vm1@120000/RATE_LIMIT_PATH//search";
        assertThat(RuleMapper.balancerId(id)).isEqualTo("vs-COST_ATTACK:pool_web_backend_vm1@120000/RATE_LIMIT_PATH//search");
        String longId = "x".repeat(300);
        assertThat(RuleMapper.balancerId(longId)).hasSize(100).isEqualTo(RuleMapper.balancerId(longId))
                .isNotEqualTo(RuleMapper.balancerId("x".repeat(299) + "y"));
        assertThat(CidrRule.deny(RuleMapper.balancerId(id), "1.2.3.4").id()).startsWith("vs-");
    }
}
