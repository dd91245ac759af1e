package org.vmshield.load.engine;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.vmshield.load.LoadClock;
import org.vmshield.load.schedule.Arrival;
import org.vmshield.load.schedule.RequestStream;
import org.vmshield.load.stats.StatsRecorder;

/**
 * Drives one open-loop request stream: wakes at the next arrival's time, sends every arrival that
 * is due (each stamped with its scheduled time, not the time it actually left), and sleeps again.
 * Responses never slow it down.
 */
final class StreamDriver {
    /** Arrivals sent per wake-up before I/O gets a turn. */
    private static final int BATCH = 256;

    private final RequestStream stream;
    private final RequestDispatcher dispatcher;
    private final EventLoop loop;
    private final LoadClock clock;
    private final long runStartNanos;
    private final RequestBudget budget;
    private final InetAddress[] addresses;
    private final SourcePacer pacer;
    private final StatsRecorder stats;
    private long skipped;
    private long unsent;
    private Arrival pending;
    private ScheduledFuture<?> wakeUp;
    private boolean stopped;

    StreamDriver(RequestStream stream, RequestDispatcher dispatcher, EventLoop loop, LoadClock clock,
                 long runStartNanos, RequestBudget budget, StatsRecorder stats) {
        this.stats = stats;
        this.stream = stream;
        this.dispatcher = dispatcher;
        this.loop = loop;
        this.clock = clock;
        this.runStartNanos = runStartNanos;
        this.budget = budget;
        this.addresses = new InetAddress[stream.sources().count()];
        this.pacer = stream.perSourceCapRps() > 0 ? new SourcePacer(stream.perSourceCapRps(), stream.sources().count()) : null;
    }

    /** Sends what is due and schedules the next wake-up; call on the event loop. */
    void pump() {
        long now = clock.nanoTime();
        for (int fired = 0; !stopped; fired++) {
            if (pending == null) {
                pending = stream.arrivals().next();
            }
            long inRun = stream.startNanos() + pending.offsetNanos();
            if (inRun >= stream.endNanos()) {
                stopped = true;
                return;
            }
            long at = runStartNanos + inRun;
            if (at > now) {
                wakeUp = loop.schedule(this::pump, at - now, TimeUnit.NANOSECONDS);
                return;
            }
            if (fired >= BATCH) {
                wakeUp = loop.schedule(this::pump, 0, TimeUnit.NANOSECONDS);
                return;
            }
            Arrival a = pending;
            pending = null;
            if (stream.gate().isOn(a.offsetNanos())) {
                if (pacer != null && !pacer.tryTake(a.source(), now)) {
                    skipped++;
                    continue;
                }
                if (!budget.take()) {
                    stopped = true;
                    return;
                }
                stats.recordSendLag(now - at);
                String service = stream.services().serviceAt(a.offsetNanos());
                dispatcher.send(service, stream.trafficClass(), address(a.source()),
                        stream.paths().pick(service, stream.random()), at, stream.timeoutNanos());
            }
        }
    }

    /** Returns the arrivals skipped to keep sources under their cap. */
    long skipped() {
        return skipped;
    }

    /** Returns the arrivals that were due before the stop but never sent because the generator lagged. */
    long unsent() {
        return unsent;
    }

    /** Stops sending, counting the arrivals that were already due but not sent; call on the event loop. */
    void stop() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        if (!stopped) {
            long dueUntil = Math.min(stream.endNanos(), clock.nanoTime() - runStartNanos);
            while (true) {
                if (pending == null) {
                    pending = stream.arrivals().next();
                }
                if (stream.startNanos() + pending.offsetNanos() >= dueUntil) {
                    break;
                }
                if (stream.gate().isOn(pending.offsetNanos())) {
                    unsent++;
                }
                pending = null;
            }
        }
        stopped = true;
    }

    private InetAddress address(int source) {
        InetAddress a = addresses[source];
        if (a == null) {
            a = stream.sources().address(source);
            addresses[source] = a;
        }
        return a;
    }
}
