package org.vmshield.controller.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.vmshield.hypervisor.Endpoint;

/** Asks a VM's service directly (not through the balancer) whether it answers. */
final class HealthProbe {
    private static final long RETRY_NANOS = 100_000_000L;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LongSupplier nanoClock;

    HealthProbe(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Returns the body of a 200 answer to {@code path}, retrying until {@code timeoutMillis}; throws when none came. */
    String awaitOk(Endpoint endpoint, String path, long timeoutMillis) {
        long deadline = nanoClock.getAsLong() + timeoutMillis * 1_000_000L;
        String last = "no answer";
        URI uri = URI.create("http://" + endpoint.host() + ":" + endpoint.port() + path);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                last = "status " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailedException("interrupted while checking " + uri);
            }
            if (nanoClock.getAsLong() >= deadline) {
                throw new StepFailedException(uri + " did not answer 200 within " + timeoutMillis + " ms (last: " + last + ")");
            }
            LockSupport.parkNanos(RETRY_NANOS);
        }
    }
}
