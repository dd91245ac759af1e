package org.vmshield.hypervisor.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.qemu.GuestHttp;

/**
 * Keeps a VM busy: one request after the other to its current endpoint (looked up before each
 * request, so it follows a migration in user mode), counting what succeeded and what failed.
 * Bounded: it stops by itself after {@code maxDuration}.
 */
final class BusyClient implements AutoCloseable {
    /**
     * Long enough for TCP's retransmission back-off across a switchover and for a TCG guest on a
     * busy host; a slow answer is reported as the slowest latency, not as a failure.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final Supplier<Endpoint> endpoint;
    private final String path;
    private final Duration maxDuration;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    BusyClient(Supplier<Endpoint> endpoint, String path, Duration maxDuration) {
        this.endpoint = endpoint;
        this.path = path;
        this.maxDuration = maxDuration;
        this.thread = new Thread(this::loop, "vmshield-busy-client");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long end = System.nanoTime() + maxDuration.toNanos();
        while (!stop.get() && System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                Endpoint e = endpoint.get();
                if (e != null && GuestHttp.get(e, path, REQUEST_TIMEOUT).status() == 200) {
                    ok.incrementAndGet();
                    slowestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                } else {
                    failed.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
                lastFailure.set(e.toString());
            }
        }
    }

    long ok() {
        return ok.get();
    }

    long failed() {
        return failed.get();
    }

    long slowestMillis() {
        return slowestMillis.get();
    }

    String lastFailure() {
        return lastFailure.get();
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join(REQUEST_TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
