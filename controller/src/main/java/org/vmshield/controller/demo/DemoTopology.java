package org.vmshield.controller.demo;

import java.nio.file.Path;
import java.util.Optional;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ControllerConfigFile;

/**
 * The paper's topology (Ando et al., Fig. 2/3) on local hosts: a small host carrying a VM of the
 * attacked service (v1, with the /search flaw) and a VM of a mission-critical service; a bigger
 * host with room; a spare host. Services are named {@code attacked} and {@code critical}.
 */
final class DemoTopology {
    private static final String YAML = """
            %s
            hosts:
              - {name: small, cpuCores: 1.0, memoryMiB: 1024, labels: [small]}
              - {name: big, cpuCores: 2.0, memoryMiB: 2048}
              - {name: spare, cpuCores: 1.0, memoryMiB: 1024}
            services:
              - name: attacked
                criticality: normal
                versions: [{name: v1, vulnerablePaths: [/search]}, {name: v2}]
                patchedVersion: v2
              - name: critical
                criticality: critical
                versions: [{name: v2}]
            vms:
              - {name: attacked-1, service: attacked, version: v1, host: small, memoryMiB: 256}
              - {name: critical-1, service: critical, version: v2, host: small, memoryMiB: 256}
            tickMillis: 500
            stepTimeoutMillis: 60000
            journal: "%s"
            admin: {port: 0}
            """;

    private DemoTopology() {}

    /** Returns the controller configuration of the topology, its journal at {@code journal}. */
    static ControllerConfig config(Path journal, boolean mitigation, Optional<String> network) {
        String net = network.map(n -> "network: " + n).orElse("");
        ControllerConfig c = ControllerConfigFile.parse(YAML.formatted(net, journal.toAbsolutePath()),
                journal.toAbsolutePath().getParent());
        return c.withDryRun(!mitigation);
    }
}
