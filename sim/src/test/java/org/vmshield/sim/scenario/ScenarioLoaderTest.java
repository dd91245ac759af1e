package org.vmshield.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioLoaderTest {
    static final String GOOD = """
            name: t
            hosts:
              - {name: a, cpuCores: 2, memoryMiB: 4096}
            services:
              - name: s
                legitRps: 10
                clients: 10
                paths: [{path: /, share: 1, costMillis: 1}]
                versions: [{version: "1"}]
            vms:
              - {name: v, host: a, service: s, version: "1", cpuCapCores: 1, memoryMiB: 1024}
            attacks:
              - {kind: FLOOD, targets: [s], startSeconds: 10, durationSeconds: 10, rps: 100, sources: 5}
            """;

    @Test
    void loadsThePaperScenarioAndAGoodFile() {
        Scenario p = ScenarioLoader.paper();
        assertThat(p.hosts()).extracting(HostSpec::name).containsExactly("small", "big", "spare");
        assertThat(p.vms()).extracting(VmSpec::host).containsExactly("small", "small", "big");
        Scenario g = ScenarioLoader.parse(GOOD, "good");
        assertThat(g.settings().tickMillis()).isEqualTo(500);
        assertThat(g.attacks().get(0).path()).isEqualTo("/");
        assertThat(g.vms().get(0).vcpus()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cpuCores: 2|cpuCores: -1|hosts[0].cpuCores: -1.0 (expected: > 0)",
        "host: a, service|host: zz, service|vms[0].host: zz (expected: a host of the scenario)",
        "targets: [s]|targets: [nope]|attacks[0].targets: nope (expected: a service of the scenario)",
        "share: 1|share: 0.5|services[0].paths: shares sum to 0.5 (expected: 1)",
        "kind: FLOOD|kind: SMURF|not one of the values accepted",
        "{name: a, cpuCores|{name: a, bogus: 1, cpuCores|Unrecognized field",
        "memoryMiB: 1024}|memoryMiB: 9999}|vms[0].memoryMiB: host a would hold 9999 MiB (expected: <= 4096 MiB)",
        "durationSeconds: 10, rps|durationSeconds: 0, rps|attacks[0].durationSeconds: 0.0 (expected: > 0)",
    })
    void badInputGetsAClearError(String from, String to, String message) {
        String yaml = GOOD.replace(from, to);
        assertThat(yaml).isNotEqualTo(GOOD);
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("bad.yaml: ")
                .hasMessageContaining(message);
    }

    @Test
    void missingFileSaysSo() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("/nonexistent/s.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("not found (expected: a readable YAML file)");
    }

    @Test
    void datacenterGeneratorRefusesWhatCannotFit() {
        assertThatThrownBy(() -> DatacenterGenerator.generate(new DatacenterGenerator.Settings(3, 1000, 0, 0, 600, 1)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("do not fit on 3 hosts");
        Scenario s = DatacenterGenerator.generate(new DatacenterGenerator.Settings(40, 300, 0, 0, 600, 1));
        assertThat(ScenarioValidator.validate(s)).isSameAs(s);
        assertThat(s.services()).hasSize(30);
        assertThat(s.attacks()).hasSize(3);
    }
}
