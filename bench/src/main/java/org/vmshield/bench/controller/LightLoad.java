package org.vmshield.bench.controller;

import java.util.Map;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.PathMix;
import org.vmshield.load.ServiceTarget;

/**
 * The benchmark's legitimate load: a static page to every service through its balancer listener,
 * at a light rate, from a few loopback sources, for the steady phase. It is there so the
 * balancer's pools, telemetry and per-source state hold what a serving controller holds; a TCG
 * guest serves a static page for about 10 ms of CPU, so it barely loads the machine.
 */
final class LightLoad {
    static final int SOURCES_PER_SERVICE = 20;
    static final long REQUEST_TIMEOUT_MILLIS = 5_000;

    private LightLoad() {}

    /** Returns the plan: {@code rpsPerService} to each service's port on 127.0.0.1 for {@code seconds}. */
    static LoadPlan plan(Map<String, Integer> ports, double rpsPerService, int seconds) {
        LoadPlan.Builder b = LoadPlan.builder()
                .legitSourcesPerService(SOURCES_PER_SERVICE)
                .requestTimeoutMillis(REQUEST_TIMEOUT_MILLIS)
                .durationMillis(seconds * 1000L)
                .seed(2);
        ports.forEach((service, port) -> b.service(ServiceTarget.of(service, "http://127.0.0.1:" + port, rpsPerService)
                .withPaths(PathMix.ROOT)));
        return b.build();
    }
}
