package org.vmshield.hypervisor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.hypervisor.HostSpec;

class ClusterFileTest {
    @Test
    void readsHostsAndNetworkMode() {
        ClusterConfig c = ClusterFile.parse("""
                network: user
                hosts:
                  - name: small
                    cpuCores: 0.5
                    memoryMiB: 512
                  - name: big
                    cpuCores: 2
                    memoryMiB: 2048
                """);
        assertThat(c.network()).contains(NetworkMode.USER);
        assertThat(c.hosts()).containsExactly(new HostSpec("small", 0.5, 512), new HostSpec("big", 2.0, 2048));
    }

    @Test
    void networkIsOptional() {
        ClusterConfig c = ClusterFile.parse("hosts: [{name: a, cpuCores: 1, memoryMiB: 256}]");
        assertThat(c.network()).isEqualTo(Optional.empty());
        assertThat(NetworkMode.defaultFor(true)).isEqualTo(NetworkMode.BRIDGE);
        assertThat(NetworkMode.defaultFor(false)).isEqualTo(NetworkMode.USER);
    }

    @Test
    void rejectsBadInputSayingWhatWasExpected() {
        assertThatThrownBy(() -> ClusterFile.parse("hosts: []")).hasMessageContaining("at least one host");
        assertThatThrownBy(() -> ClusterFile.parse("network: wifi\nhosts: [{name: a, cpuCores: 1, memoryMiB: 256}]"))
                .hasMessageContaining("network: wifi (expected: bridge or user)");
        assertThatThrownBy(() -> ClusterFile.parse("hosts: [{name: a, cpuCores: 1, memoryMiB: 256, disk: 3}]"))
                .hasMessageContaining("unknown key 'disk'");
        assertThatThrownBy(() -> ClusterFile.parse("hostz: []")).hasMessageContaining("unknown key 'hostz'");
        assertThatThrownBy(() -> ClusterFile.parse("hosts: [{name: a, cpuCores: 0, memoryMiB: 256}]"))
                .hasMessageContaining("hosts[0]").hasMessageContaining("cpuCores");
        assertThatThrownBy(() -> ClusterFile.parse("hosts: [{name: a, cpuCores: 1, memoryMiB: 1.5}]"))
                .hasMessageContaining("memoryMiB");
        assertThatThrownBy(() -> ClusterFile.parse("hosts: [{name: A_B, cpuCores: 1, memoryMiB: 256}]"))
                .hasMessageContaining("host name: A_B");
        assertThatThrownBy(() -> ClusterFile.parse(
                "hosts: [{name: a, cpuCores: 1, memoryMiB: 256}, {name: a, cpuCores: 1, memoryMiB: 256}]"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> ClusterFile.parse("hosts: [unclosed")).hasMessageContaining("not valid YAML");
    }

    @Test
    void namesTheFileInItsErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, "hosts: 3\n");
        assertThatThrownBy(() -> ClusterFile.load(file)).hasMessageStartingWith("cluster file " + file)
                .hasMessageContaining("expected: a list of hosts");
        assertThatThrownBy(() -> ClusterFile.load(dir.resolve("missing.yaml"))).hasMessageContaining("not found");
    }
}
