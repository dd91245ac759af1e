package org.vmshield.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmshield.brain.model.Criticality;
import org.vmshield.hypervisor.cluster.NetworkMode;

class ControllerConfigFileTest {
    @TempDir Path dir;

    @Test
    void readsTheExample() {
        ControllerConfig c = ControllerConfigFile.load(Path.of("examples/cluster.yaml"));
        assertThat(c.network()).contains(NetworkMode.USER);
        assertThat(c.hosts()).extracting(HostDecl::name).containsExactly("small", "big", "spare");
        assertThat(c.hosts().get(0).labels()).containsExactly("small");
        assertThat(c.services()).extracting(ServiceDecl::pool).containsExactly("attacked", "critical");
        assertThat(c.service("attacked").orElseThrow().patchedVersion()).isEqualTo("v2");
        assertThat(c.service("attacked").orElseThrow().listenPort()).isEqualTo(8080);
        assertThat(c.vms()).extracting(VmDecl::host).containsExactly("small", "small");
        assertThat(c.vms().get(1).criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(c.tickMillis()).isEqualTo(500);
        assertThat(c.journal().getFileName().toString()).isEqualTo("vmshield-journal.db");
        assertThat(c.journal().isAbsolute()).isTrue();
        assertThat(c.admin().port()).isEqualTo(9700);
    }

    @Test
    void appliesDefaults() {
        ControllerConfig c = ControllerConfigFile.parse("""
                hosts: [{name: h, cpuCores: 1, memoryMiB: 512}]
                services: [{name: s, versions: [{name: v1}]}]
                vms: [{name: vm-1, service: s, host: h}]
                """, dir);
        assertThat(c.tickMillis()).isEqualTo(ControllerConfig.DEFAULT_TICK_MILLIS);
        assertThat(c.dryRun()).isFalse();
        assertThat(c.network()).isEmpty();
        assertThat(c.services().get(0).pool()).isEqualTo("s");
        assertThat(c.services().get(0).healthPath()).isEqualTo("/health");
        assertThat(c.vms().get(0).version()).isEqualTo("v1");
        assertThat(c.vms().get(0).memoryMiB()).isEqualTo(256);
        assertThat(c.admin().bind()).isEqualTo("127.0.0.1");
        assertThat(c.journal()).isEqualTo(dir.resolve("vmshield-journal.db"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tick: 5|tick: unknown key",
        "tickMillis: 10|tickMillis: '10' (expected: an integer 50..60000)",
        "network: wifi|network: 'wifi' (expected: bridge or user)",
        "dryRun: maybe|dryRun: 'maybe' (expected: true or false)",
        "admin: {bind: 0.0.0.0}|admin.token: missing (expected: a bearer token of at least 16 characters",
    })
    void refusesBadTopLevelFields(String extra, String message) {
        String yaml = """
                hosts: [{name: h, cpuCores: 1, memoryMiB: 512}]
                services: [{name: s, versions: [{name: v1}]}]
                """ + extra + "\n";
        assertThatThrownBy(() -> ControllerConfigFile.parse(yaml, dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{name: vm-1, service: nope, host: h}|vms[0].service: 'nope' (expected: one of the services [s])",
        "{name: vm-1, service: s, host: nowhere}|vms[0].host: 'nowhere' (expected: one of the hosts [h])",
        "{name: vm-1, service: s, host: h, version: v9}|vms[0].version: 'v9' (expected: a version of service s: [v1, v2])",
        "{name: Bad_Name, service: s, host: h}|vms[0]: VM name",
        "{name: vm-1, service: s, host: h, vcpus: 0}|vms[0].vcpus: '0' (expected: an integer 1..8)",
        "{name: vm-1, service: s, host: h, criticality: vital}|vms[0].criticality: 'vital' (expected: low, normal or critical)",
    })
    void refusesBadVms(String vm, String message) {
        String yaml = """
                hosts: [{name: h, cpuCores: 1, memoryMiB: 512}]
                services: [{name: s, versions: [{name: v1}, {name: v2}]}]
                vms: [%s]
                """.formatted(vm);
        assertThatThrownBy(() -> ControllerConfigFile.parse(yaml, dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesAPatchedVersionOutsideTheCatalogue() {
        assertThatThrownBy(() -> ControllerConfigFile.parse("""
                hosts: [{name: h, cpuCores: 1, memoryMiB: 512}]
                services: [{name: s, versions: [{name: v1}], patchedVersion: v2}]
                """, dir)).hasMessageContaining("services[0].patchedVersion: 'v2' (expected: one of the versions [v1])");
    }

    @Test
    void namesAMissingFile() {
        assertThatThrownBy(() -> ControllerConfigFile.load(dir.resolve("none.yaml")))
                .hasMessageContaining("none.yaml: not found");
    }
}
