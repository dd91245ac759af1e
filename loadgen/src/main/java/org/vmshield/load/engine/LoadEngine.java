package org.vmshield.load.engine;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.load.LoadClock;
import org.vmshield.load.LoadListener;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.LoadReport;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.schedule.CompiledPlan;
import org.vmshield.load.schedule.ConnectionStream;
import org.vmshield.load.schedule.RequestStream;
import org.vmshield.load.schedule.StreamCompiler;
import org.vmshield.load.stats.SecondFigures;
import org.vmshield.load.stats.StatsRecorder;

/**
 * Runs one plan on one event loop: starts a driver per request stream and a holder per
 * connection stream, closes a second of figures every second, stops everything at the plan's
 * duration, waits for the requests in flight (at most the request timeout), then reports.
 * The clock must advance in real time: it stamps send times and latencies, and the event
 * loop's timers are set from its differences.
 */
public final class LoadEngine {
    /** Time between start() and second 0, so the first arrivals are not already late. */
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
    private static final long DRAIN_POLL_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(LoadEngine.class);

    private final LoadPlan plan;
    private final LoadListener listener;
    private final LoadClock clock;
    private final ClientTransport transport = new ClientTransport();
    private final EventLoop loop = transport.loop();
    private final StatsRecorder stats = new StatsRecorder();
    private final CompletableFuture<LoadReport> completion = new CompletableFuture<>();
    private final ExecutorService listenerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vmshield-load-listener");
        t.setDaemon(true);
        return t;
    });
    private final List<StreamDriver> drivers = new ArrayList<>();
    private final List<ConnectionHolder> holders = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final RequestBudget budget;
    private final long runStartNanos;
    private final Instant startedAt;
    private volatile List<SecondFigures> seconds = List.of();
    private RequestDispatcher dispatcher;
    private ScheduledFuture<?> secondTimer;
    private int secondsClosed;
    private boolean stopping;
    private boolean stoppedEarly;

    private LoadEngine(LoadPlan plan, LoadListener listener, LoadClock clock) {
        this.plan = plan;
        this.listener = listener;
        this.clock = clock;
        this.budget = new RequestBudget(plan.maxRequests());
        CodecWarmup.run();
        this.runStartNanos = clock.nanoTime() + LEAD_NANOS;
        this.startedAt = Instant.now().plusNanos(LEAD_NANOS);
    }

    /** Starts {@code plan} and returns the running engine. */
    public static LoadEngine start(LoadPlan plan, LoadListener listener, LoadClock clock) {
        LoadEngine e = new LoadEngine(plan, listener, clock);
        e.loop.execute(e::begin);
        return e;
    }

    /** Returns the future of the report. */
    public CompletableFuture<LoadReport> completion() {
        return completion;
    }

    /** Returns the clock time of second 0. */
    public long runStartNanos() {
        return runStartNanos;
    }

    /** Returns the wall-clock time of second 0. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Returns the plan's request timeout. */
    public long requestTimeoutMillis() {
        return plan.requestTimeoutMillis();
    }

    /** Returns the seconds closed so far. */
    public List<SecondFigures> secondsSoFar() {
        return seconds;
    }

    /** Ends the run early; safe from any thread, idempotent. */
    public void stop() {
        try {
            loop.execute(() -> {
                if (!stopping) {
                    stoppedEarly = true;
                    beginStop();
                }
            });
        } catch (RejectedExecutionException alreadyOver) {
            // the run has ended and its loop is gone: nothing to stop
        }
    }

    private void begin() {
        try {
            CompiledPlan compiled = StreamCompiler.compile(plan);
            dispatcher = new RequestDispatcher(plan, loop, transport.channelClass(), stats, clock);
            Map<String, InetSocketAddress> remotes = new HashMap<>();
            Map<String, Boolean> bindable = new HashMap<>();
            for (ServiceTarget t : plan.services()) {
                remotes.put(t.name(), t.socketAddress());
                bindable.put(t.name(), t.isLoopback());
                stats.register(t.name(), TrafficClass.LEGIT);
            }
            compiled.requests().forEach(s -> stats.register(s.services().serviceAt(0), s.trafficClass()));
            compiled.connections().forEach(s -> stats.register(s.services().serviceAt(0), TrafficClass.ATTACK));
            long lead = Math.max(0, runStartNanos - clock.nanoTime());
            for (RequestStream s : compiled.requests()) {
                StreamDriver d = new StreamDriver(s, dispatcher, loop, clock, runStartNanos, budget, stats);
                drivers.add(d);
                labels.add(s.label());
                loop.schedule(d::pump, lead, TimeUnit.NANOSECONDS);
            }
            for (ConnectionStream s : compiled.connections()) {
                ConnectionHolder h = new ConnectionHolder(s, loop, transport.channelClass(), clock, stats,
                        runStartNanos, remotes, bindable, plan.connectTimeoutMillis());
                holders.add(h);
                labels.add(s.label());
                loop.schedule(h::start, lead + s.startNanos(), TimeUnit.NANOSECONDS);
            }
            scheduleSecond();
            loop.schedule(this::beginStop, lead + TimeUnit.MILLISECONDS.toNanos(plan.durationMillis()),
                    TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            transport.shutdown();
            listenerThread.shutdown();
            completion.completeExceptionally(e);
        }
    }

    private void scheduleSecond() {
        long due = runStartNanos + (secondsClosed + 1) * 1_000_000_000L;
        secondTimer = loop.schedule(() -> {
            closeSecond((secondsClosed + 1) * 1000L);
            scheduleSecond();
        }, Math.max(0, due - clock.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void closeSecond(long endMillis) {
        SecondFigures f = stats.closeSecond(secondsClosed + 1, secondsClosed * 1000L, endMillis);
        secondsClosed++;
        List<SecondFigures> next = new ArrayList<>(seconds);
        next.add(f);
        seconds = List.copyOf(next);
        listenerThread.execute(() -> {
            try {
                listener.onSecond(f);
            } catch (RuntimeException e) {
                LOG.warn("load listener failed on second {}", f.second(), e); // the run goes on
            }
        });
    }

    private void beginStop() {
        if (stopping) {
            return;
        }
        stopping = true;
        drivers.forEach(StreamDriver::stop);
        holders.forEach(ConnectionHolder::stop);
        if (dispatcher != null) {
            dispatcher.close();
        }
        long drainUntil = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(plan.requestTimeoutMillis() + 500);
        drain(drainUntil);
    }

    private void drain(long untilNanos) {
        if (dispatcher != null && dispatcher.outstanding() > 0 && clock.nanoTime() < untilNanos) {
            loop.schedule(() -> drain(untilNanos), DRAIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        finish();
    }

    private void finish() {
        secondTimer.cancel(false);
        long elapsedMillis = Math.max(0, (clock.nanoTime() - runStartNanos) / 1_000_000);
        if (elapsedMillis > secondsClosed * 1000L && stats.currentSecondHasActivity()) {
            closeSecond(elapsedMillis); // the last, partial second: the drain of requests in flight
        }
        LoadReport report = new LoadReport(startedAt, plan.durationMillis(), elapsedMillis, transport.name(),
                stoppedEarly, budget.exhausted(), drivers.stream().mapToLong(StreamDriver::skipped).sum(),
                drivers.stream().mapToLong(StreamDriver::unsent).sum(), stats.maxSendLagMillis(),
                labels, stats.totals(), seconds);
        transport.shutdown().addListener(f -> listenerThread.execute(() -> {
            try {
                listener.onFinish(report);
            } finally {
                completion.complete(report);
                listenerThread.shutdown();
            }
        }));
    }
}
