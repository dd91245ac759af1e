package org.vmshield.balancer.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.GuardRule;
import org.vmshield.balancer.guard.rule.PathDenyRule;
import org.vmshield.balancer.guard.rule.PathInFlightRule;
import org.vmshield.balancer.guard.rule.PathRateRule;
import org.vmshield.balancer.guard.rule.RefuseAction;
import org.vmshield.balancer.guard.rule.SourceConnectionLimitRule;
import org.vmshield.balancer.guard.rule.SourceConnectionRateRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;

class GuardRuleParserTest {
    private static final String YAML = """
            guards:
              - {type: cidr, id: office, action: allow, cidrs: [10.0.0.0/8]}
              - {type: cidr, id: bad-nets, action: deny, refuse: 403, cidrs: [203.0.113.0/24, "2001:db8::/32"], ttlSeconds: 600}
              - {type: sourceRate, id: per-ip, rateRps: 50, burst: 100, pool: web}
              - {type: sourceConnections, id: conns, maxConnections: 20}
              - {type: sourceConnectionRate, id: new-conns, rateRps: 5, burst: 10}
              - {type: pathDeny, id: no-admin, prefix: /admin/}
              - {type: pathRate, id: search-rate, pattern: "/search/*", rateRps: 20, perSource: true, refuse: close}
              - {type: pathInFlight, id: report-cap, prefix: /report, maxInFlight: 4}
            """;

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void readsEveryRuleTypeFromYaml() throws Exception {
        List<GuardRule> rules = GuardRuleParser.parseList(yaml(YAML).get("guards"));
        assertThat(rules).hasSize(8);
        assertThat(rules.get(0)).isEqualTo(CidrRule.allow("office", "10.0.0.0/8"));
        CidrRule deny = (CidrRule) rules.get(1);
        assertThat(deny.refuse()).isEqualTo(RefuseAction.STATUS_403);
        assertThat(deny.cidrs()).containsExactly("203.0.113.0/24", "2001:db8::/32");
        assertThat(deny.ttlSeconds()).isEqualTo(600L);
        assertThat(rules.get(2)).isEqualTo(new SourceRateRule("per-ip", 50, 100, "web", RefuseAction.STATUS_429, 1, null));
        assertThat(rules.get(3)).isEqualTo(SourceConnectionLimitRule.of("conns", 20));
        assertThat(rules.get(4)).isEqualTo(SourceConnectionRateRule.of("new-conns", 5, 10));
        assertThat(rules.get(5)).isEqualTo(PathDenyRule.prefix("no-admin", "/admin/"));
        PathRateRule pr = (PathRateRule) rules.get(6);
        assertThat(pr.perSource()).isTrue();
        assertThat(pr.refuse()).isEqualTo(RefuseAction.CLOSE);
        assertThat(pr.burst()).isEqualTo(20); // default: one second of the rate
        assertThat(rules.get(7)).isEqualTo(PathInFlightRule.prefix("report-cap", "/report", 4));
    }

    @Test
    void writesRulesBackAsJsonThatReadsTheSame() throws Exception {
        for (GuardRule r : GuardRuleParser.parseList(yaml(YAML).get("guards"))) {
            String json = GuardRuleParser.toJson(r);
            assertThat(json).contains("\"type\":\"" + r.type() + "\"");
            assertThat(GuardRuleParser.parseJson(json)).isEqualTo(r);
        }
    }

    @Test
    void rejectsBadRulesNamingTheFieldAndWhatWasExpected() {
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"id\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type: missing")
                .hasMessageContaining("sourceRate");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"nope\",\"id\":\"x\"}"))
                .hasMessageContaining("type: \"nope\" (expected: one of cidr");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceRate\",\"id\":\"r1\",\"rateRps\":-1}"))
                .hasMessageContaining("rule r1: rateRps: -1.0 (expected: > 0");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceRate\",\"id\":\"r1\",\"rateRps\":5,\"burst\":0}"))
                .hasMessageContaining("burst: 0 (expected: 1..");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceRate\",\"id\":\"r1\",\"rateRps\":5,\"bursts\":3}"))
                .hasMessageContaining("bursts: unknown field for type sourceRate").hasMessageContaining("burst");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceRate\",\"id\":\"r1\",\"rateRps\":\"fast\"}"))
                .hasMessageContaining("rateRps");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"cidr\",\"id\":\"c\",\"action\":\"deny\",\"cidrs\":[\"10.0.0.0/8\",\"1.2.3.4/40\"]}"))
                .hasMessageContaining("rule c: cidrs[1]: \"1.2.3.4/40\" (expected: prefix length 0..32)");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"cidr\",\"id\":\"c\",\"action\":\"drop\",\"cidrs\":[\"10.0.0.0/8\"]}"))
                .hasMessageContaining("action: \"drop\" (expected: allow or deny)");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"pathDeny\",\"id\":\"p\"}"))
                .hasMessageContaining("rule p: prefix/pattern: both missing");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"pathInFlight\",\"id\":\"p\",\"prefix\":\"/x\",\"maxInFlight\":0}"))
                .hasMessageContaining("maxInFlight: 0 (expected: 1..");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceConnections\",\"id\":\"c\",\"maxConnections\":3,\"ttlSeconds\":0}"))
                .hasMessageContaining("ttlSeconds: 0 (expected: 1..");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceConnections\",\"id\":\"bad id\",\"maxConnections\":3}"))
                .hasMessageContaining("id: \"bad id\"");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("{\"type\":\"sourceRate\",\"id\":\"r\",\"rateRps\":1,\"refuse\":\"404\"}"))
                .hasMessageContaining("refuse: 404 (expected: 429, 403 or close)");
        assertThatThrownBy(() -> GuardRuleParser.parseJson("not json")).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsDuplicateIdsAndNamesTheListElement() throws Exception {
        JsonNode list = yaml("""
                - {type: pathDeny, id: a, prefix: /a}
                - {type: pathDeny, id: b, prefix: /b}
                - {type: pathDeny, id: a, prefix: /c}
                """);
        assertThatThrownBy(() -> GuardRuleParser.parseList(list)).hasMessageStartingWith("rules[2]: id: \"a\"");
        JsonNode bad = yaml("- {type: pathDeny, id: a, prefix: /a}\n- {type: pathDeny, id: b}\n");
        assertThatThrownBy(() -> GuardRuleParser.parseList(bad)).hasMessageStartingWith("rules[1]: rule b:");
    }
}
