package org.vmshield.balancer.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.PathDenyRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;
import org.vmshield.balancer.guard.rule.RefuseAction;
import org.vmshield.balancer.guard.rule.SourceConnectionLimitRule;
import org.vmshield.balancer.guard.rule.SourceConnectionRateRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;
import org.vmshield.model.telemetry.GuardStat;

class GuardChainTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(77 * SECOND);
    private final GuardChain chain = new GuardChain(new GuardSettings(10_000, 99), clock::get, Runnable::run);

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Verdict request(String src, String pool, String path) {
        return chain.onRequest(ip(src), pool, path, clock.get());
    }

    @Test
    void allowsEverythingWithoutRules() {
        assertThat(chain.onConnectionOpen(ip("127.0.0.1"), clock.get())).isSameAs(Verdict.ALLOW);
        assertThat(request("::1", "web", "/")).isSameAs(Verdict.ALLOW);
    }

    @Test
    void cidrDenyClosesConnectionsAndLongestPrefixAllowWins() {
        chain.rules().add(CidrRule.deny("deny-66", "127.66.0.0/16"));
        chain.rules().add(CidrRule.allow("allow-66-1", "127.66.1.0/24"));
        Verdict v = chain.onConnectionOpen(ip("127.66.9.9"), clock.get());
        assertThat(v.refused()).isTrue();
        assertThat(v.ruleId()).isEqualTo("deny-66");
        assertThat(v.action()).isEqualTo(RefuseAction.CLOSE);
        assertThat(chain.onConnectionOpen(ip("127.66.1.9"), clock.get())).isSameAs(Verdict.ALLOW);
        assertThat(chain.onConnectionOpen(ip("127.67.0.1"), clock.get())).isSameAs(Verdict.ALLOW);
        // The refusal is preallocated: the same object every time.
        assertThat(chain.onConnectionOpen(ip("127.66.9.8"), clock.get())).isSameAs(v);
        assertThat(chain.counters().totals().get("deny-66")).isEqualTo(new GuardStat("deny-66", 0, 2));
    }

    @Test
    void cidrDenyWith403RefusesRequestsOfOpenConnectionsToo() {
        chain.rules().add(new CidrRule("v6", "deny", List.of("2001:db8::/32"), RefuseAction.STATUS_403, null));
        Verdict v = request("2001:db8::5", "web", "/");
        assertThat(v.httpStatus()).isEqualTo(403);
        assertThat(request("2001:db9::5", "web", "/").allowed()).isTrue();
    }

    @Test
    void sourceRateLimitAnswers429WithRetryAfterAndRefills() {
        chain.rules().add(new SourceRateRule("per-ip", 2, 3, null, null, 5, null));
        for (int i = 0; i < 3; i++) {
            assertThat(request("127.1.0.1", "web", "/").allowed()).isTrue();
        }
        Verdict v = request("127.1.0.1", "web", "/");
        assertThat(v.httpStatus()).isEqualTo(429);
        assertThat(v.retryAfterSeconds()).isEqualTo(5);
        assertThat(request("127.1.0.2", "web", "/").allowed()).isTrue(); // another source
        clock.addAndGet(SECOND / 2);
        assertThat(request("127.1.0.1", "web", "/").allowed()).isTrue();
        assertThat(request("127.1.0.1", "web", "/").refused()).isTrue();
    }

    @Test
    void allowedCidrIsExemptFromPerSourceLimits() {
        chain.rules().add(SourceRateRule.of("per-ip", 1, 1));
        chain.rules().add(SourceConnectionLimitRule.of("conns", 1));
        chain.rules().add(CidrRule.allow("monitoring", "127.9.0.0/16"));
        for (int i = 0; i < 10; i++) {
            assertThat(request("127.9.0.1", "web", "/").allowed()).isTrue();
            assertThat(chain.onConnectionOpen(ip("127.9.0.1"), clock.get()).allowed()).isTrue();
        }
    }

    @Test
    void sourceRateRuleScopedToAPoolLeavesOtherPoolsAlone() {
        chain.rules().add(new SourceRateRule("web-only", 1, 1, "web", null, null, null));
        assertThat(request("127.1.0.1", "web", "/").allowed()).isTrue();
        assertThat(request("127.1.0.1", "web", "/").refused()).isTrue();
        assertThat(request("127.1.0.1", "api", "/").allowed()).isTrue();
        assertThat(request("127.1.0.1", "api", "/").allowed()).isTrue();
        assertThat(chain.guardStats("web")).containsExactly(new GuardStat("web-only", 1, 0));
        assertThat(chain.guardStats("web")).isEmpty(); // deltas: nothing new since
        assertThat(chain.guardStats("api")).isEmpty();
    }

    @Test
    void connectionLimitCountsOpenConnectionsPerSource() {
        chain.rules().add(SourceConnectionLimitRule.of("conns", 2));
        InetAddress a = ip("127.2.0.1");
        assertThat(chain.onConnectionOpen(a, clock.get()).allowed()).isTrue();
        assertThat(chain.onConnectionOpen(a, clock.get()).allowed()).isTrue();
        Verdict v = chain.onConnectionOpen(a, "web", clock.get());
        assertThat(v.ruleId()).isEqualTo("conns");
        assertThat(chain.onConnectionOpen(ip("127.2.0.2"), clock.get()).allowed()).isTrue();
        chain.onConnectionClose(a);
        assertThat(chain.onConnectionOpen(a, clock.get()).allowed()).isTrue();
        assertThat(chain.onConnectionOpen(a, clock.get()).refused()).isTrue();
        assertThat(chain.guardStats("web")).containsExactly(new GuardStat("conns", 0, 1));
        assertThat(chain.guardStats(null)).containsExactly(new GuardStat("conns", 0, 1));
    }

    @Test
    void connectionRateLimitsNewConnectionsPerSource() {
        chain.rules().add(SourceConnectionRateRule.of("new-conns", 1, 2));
        chain.rules().add(SourceConnectionLimitRule.of("conns", 100));
        InetAddress a = ip("127.3.0.1");
        assertThat(chain.onConnectionOpen(a, clock.get()).allowed()).isTrue();
        assertThat(chain.onConnectionOpen(a, clock.get()).allowed()).isTrue();
        assertThat(chain.onConnectionOpen(a, clock.get()).ruleId()).isEqualTo("new-conns");
        clock.addAndGet(SECOND);
        assertThat(chain.onConnectionOpen(a, clock.get()).allowed()).isTrue();
    }

    @Test
    void pathDenyRefusesMatchingPathsOnly() {
        chain.rules().add(PathDenyRule.prefix("no-admin", "/admin/"));
        chain.rules().add(new PathDenyRule("no-cgi", "web", null, "/**/*.cgi", RefuseAction.CLOSE, null));
        assertThat(request("127.1.0.1", "web", "/admin/users").httpStatus()).isEqualTo(403);
        assertThat(request("127.1.0.1", "web", "/a/b/x.cgi").action()).isEqualTo(RefuseAction.CLOSE);
        assertThat(request("127.1.0.1", "api", "/a/b/x.cgi").allowed()).isTrue();
        assertThat(request("127.1.0.1", "web", "/index.html").allowed()).isTrue();
    }

    @Test
    void pathRateLimitsAllSourcesTogetherOrEachSource() {
        chain.rules().add(PathRateRule.prefix("search", "/search", 1, 2));
        assertThat(request("127.1.0.1", "web", "/search?q").allowed()).isTrue();
        assertThat(request("127.1.0.2", "web", "/search").allowed()).isTrue();
        assertThat(request("127.1.0.3", "web", "/search").httpStatus()).isEqualTo(429);
        assertThat(request("127.1.0.3", "web", "/other").allowed()).isTrue();
        chain.rules().add(new PathRateRule("report", null, "/report", null, 1, 1, true, null, null, null));
        assertThat(request("127.1.0.1", "web", "/report").allowed()).isTrue();
        assertThat(request("127.1.0.1", "web", "/report").refused()).isTrue();
        assertThat(request("127.1.0.2", "web", "/report").allowed()).isTrue();
    }

    @Test
    void pathInFlightCapCountsUntilRequestsAreDone() {
        chain.rules().add(PathInFlightRule.prefix("cap", "/slow", 2));
        assertThat(request("127.1.0.1", "web", "/slow").allowed()).isTrue();
        assertThat(request("127.1.0.2", "web", "/slow/x").allowed()).isTrue();
        assertThat(request("127.1.0.3", "web", "/slow").httpStatus()).isEqualTo(429);
        chain.onRequestDone(ip("127.1.0.1"), "web", "/slow");
        assertThat(request("127.1.0.3", "web", "/slow").allowed()).isTrue();
        assertThat(request("127.1.0.3", "web", "/slow").refused()).isTrue();
    }

    @Test
    void aRefusalByALaterInFlightCapReleasesTheEarlierOnes() {
        chain.rules().add(PathInFlightRule.prefix("wide", "/a", 10));
        chain.rules().add(PathInFlightRule.prefix("narrow", "/a/b", 1));
        assertThat(request("127.1.0.1", "web", "/a/b").allowed()).isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(request("127.1.0.1", "web", "/a/b").ruleId()).isEqualTo("narrow");
        }
        // "wide" still has 9 places left: the refused requests did not keep theirs.
        for (int i = 0; i < 9; i++) {
            assertThat(request("127.1.0.1", "web", "/a/x").allowed()).isTrue();
        }
        assertThat(request("127.1.0.1", "web", "/a/x").ruleId()).isEqualTo("wide");
    }

    @Test
    void rulesExpireByThemselvesWhenTheirTtlPasses() {
        chain.rules().add(new PathDenyRule("temp", null, "/x", null, null, 60L));
        chain.rules().add(PathDenyRule.prefix("forever", "/y"));
        assertThat(chain.rules().remainingSeconds("temp")).contains(60L);
        clock.addAndGet(59 * SECOND);
        assertThat(request("127.1.0.1", "web", "/x").refused()).isTrue();
        clock.addAndGet(SECOND);
        // The hot path notices and has the expiry executor (here: the calling thread) remove it.
        request("127.1.0.1", "web", "/z");
        assertThat(chain.rules().size()).isEqualTo(1);
        assertThat(request("127.1.0.1", "web", "/x").allowed()).isTrue();
        assertThat(request("127.1.0.1", "web", "/y").refused()).isTrue();
        assertThat(chain.rules().list()).extracting(r -> r.id()).containsExactly("forever");
    }

    @Test
    void listExpiresRulesEvenWithoutTraffic() {
        chain.rules().add(new PathDenyRule("temp", null, "/x", null, null, 1L));
        clock.addAndGet(2 * SECOND);
        assertThat(chain.rules().list()).isEmpty();
    }

    @Test
    void changingOnlyTheTtlKeepsTheBucketsSoNobodyGetsAFreshOne() {
        chain.rules().add(SourceRateRule.of("per-ip", 1, 1));
        assertThat(request("127.1.0.1", "web", "/").allowed()).isTrue();
        assertThat(request("127.1.0.1", "web", "/").refused()).isTrue();
        chain.rules().put(SourceRateRule.of("per-ip", 1, 1).withTtlSeconds(300L));
        chain.rules().add(PathDenyRule.prefix("other", "/other")); // any other change neither
        assertThat(request("127.1.0.1", "web", "/").refused()).isTrue();
        chain.rules().put(SourceRateRule.of("per-ip", 5, 5)); // a changed limit starts afresh
        assertThat(request("127.1.0.1", "web", "/").allowed()).isTrue();
    }

    @Test
    void badChangesChangeNothing() {
        chain.rules().add(PathDenyRule.prefix("a", "/a"));
        assertThatThrownBy(() -> chain.rules().add(PathDenyRule.prefix("a", "/b")))
                .hasMessageContaining("id: \"a\"");
        assertThatThrownBy(() -> chain.rules().replaceAll(List.of(PathDenyRule.prefix("b", "/b"),
                PathDenyRule.prefix("b", "/c")))).hasMessageContaining("given twice");
        assertThat(chain.rules().list()).containsExactly(PathDenyRule.prefix("a", "/a"));
        assertThat(chain.rules().remove("nope")).isFalse();
        assertThat(chain.rules().remove("a")).isTrue();
        assertThat(request("127.1.0.1", "web", "/a").allowed()).isTrue();
    }

    @Test
    void keysIpv6SourcesByTheirSlash64SoRotatingAddressesDoesNotHelp() {
        chain.rules().add(SourceRateRule.of("per-ip", 1, 2));
        assertThat(request("2001:db8:0:1::1", "web", "/").allowed()).isTrue();
        assertThat(request("2001:db8:0:1::2", "web", "/").allowed()).isTrue();
        assertThat(request("2001:db8:0:1:ffff::3", "web", "/").refused()).isTrue();
        assertThat(request("2001:db8:0:2::1", "web", "/").allowed()).isTrue(); // another /64
    }
}
