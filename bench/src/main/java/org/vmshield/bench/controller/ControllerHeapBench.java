package org.vmshield.bench.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vmshield.bench.controller.ChildMessage.Kind;
import org.vmshield.load.LoadGenerator;
import org.vmshield.load.LoadReport;
import org.vmshield.load.LoadRun;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.stats.ClassStats;

/**
 * Measures the controller's heap with N real QEMU VMs: starts {@link ControllerUnderTest} in a
 * child JVM with the heap limit under test, shows each VM's boot, sends light legitimate load
 * ({@link LightLoad}) through the controller's balancer during the steady phase, and collects the
 * figures the child reports. On the way out (also on Ctrl-C) the child is stopped with SIGTERM,
 * which runs its teardown (controller, VMs, balancer, journal, local hosts' cgroups, network);
 * a child that does not exit in time is killed, and what it left is removed ({@link StaleRuns}).
 */
public final class ControllerHeapBench {
    /** Time a controller JVM gets to tear down 40 VMs before it is killed. */
    static final Duration CHILD_STOP_TIMEOUT = Duration.ofSeconds(90);
    /** Longest boot of one batch of VMs before the run is abandoned (the driver's own boot timeout is 120 s). */
    static final Duration BOOT_BATCH_TIMEOUT = Duration.ofSeconds(150);

    private final Consumer<String> progress;

    /** Creates a benchmark that reports its progress to {@code progress}, one line at a time. */
    public ControllerHeapBench(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Runs once with {@code settings} (valid: see {@link HeapBenchSettings#problems}); returns when everything is stopped. */
    public HeapBenchResult run(HeapBenchSettings settings) throws IOException, InterruptedException {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", settings.problems()));
        }
        String loadStart = loadAverage();
        StaleRuns.sweep(progress);
        Path dir = StaleRuns.create();
        Path log = dir.resolve("controller.log");
        Process child = null;
        Thread hook = null;
        LoadRun load = null;
        try {
            child = start(settings, dir, log);
            Process started = child;
            hook = new Thread(() -> stop(started, dir), "vmshield-bench-controller-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            progress.accept(String.format(Locale.ROOT, "controller JVM pid %d (%s), booting %d VMs, %d at a time; log %s",
                    child.pid(), settings.maxHeapMiB() == 0 ? "default heap limit" : "-Xmx" + settings.maxHeapMiB() + "m",
                    settings.vms(), settings.bootParallel(), log));
            BlockingQueue<String> lines = readLines(child);
            ChildFigures figures = null;
            String error = "";
            String loadEnd = "";
            long deadline = System.nanoTime() + BOOT_BATCH_TIMEOUT.toNanos();
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    error = "the controller JVM reported nothing for " + BOOT_BATCH_TIMEOUT.toSeconds() + " s";
                    break;
                }
                if (line == EOF) {
                    break;
                }
                ChildMessage m = ChildMessage.parse(line).orElse(null);
                if (m == null) {
                    continue;
                }
                if (m.kind() == Kind.BOOTED) {
                    deadline = System.nanoTime() + BOOT_BATCH_TIMEOUT.toNanos();
                    progress.accept(String.format(Locale.ROOT, "VM %s on %s serves (%d/%d, %.1f s)", m.body().path("vm").asText(),
                            m.body().path("host").asText(), m.body().path("done").asInt(), m.body().path("total").asInt(),
                            m.body().path("seconds").asDouble()));
                } else if (m.kind() == Kind.RETRY) {
                    deadline = System.nanoTime() + BOOT_BATCH_TIMEOUT.toNanos();
                    progress.accept("VM " + m.body().path("vm").asText() + " failed to boot (" + m.body().path("message").asText()
                            + "); booting it again");
                } else if (m.kind() == Kind.READY) {
                    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.seconds() + 120L);
                    load = startLoad(settings, m.body());
                    progress.accept(String.format(Locale.ROOT, "all %d VMs serve after %.1f s (%s networking); control loop "
                            + "running; heap after full GC %.1f MiB; steady phase of %d s%s", settings.vms(),
                            m.body().path("bootSeconds").asDouble(), m.body().path("network").asText(),
                            m.body().path("usedAfterBootMiB").asDouble(), settings.seconds(),
                            load == null ? "" : String.format(Locale.ROOT, " with %.1f req/s per service",
                                    settings.loadRpsPerService())));
                } else if (m.kind() == Kind.STATUS) {
                    progress.accept(String.format(Locale.ROOT, "t=%d s: %d ticks (%d failed), heap used %.1f MiB, peak %.1f MiB",
                            m.body().path("second").asInt(), m.body().path("ticks").asLong(),
                            m.body().path("failedTicks").asLong(), m.body().path("usedMiB").asDouble(),
                            m.body().path("peakUsedMiB").asDouble()));
                } else if (m.kind() == Kind.RESULT) {
                    figures = m.as(ChildFigures.class);
                    loadEnd = loadAverage();
                    progress.accept("steady phase done; stopping the controller (VMs, balancer, journal, hosts)");
                } else if (m.kind() == Kind.ERROR) {
                    error = m.body().path("message").asText();
                }
            }
            LoadReport report = finish(load);
            load = null;
            int exit = awaitExit(child);
            if (figures == null && error.isEmpty()) {
                error = "the controller JVM exited with code " + exit + " without figures";
            }
            if (!error.isEmpty()) {
                progress.accept("failed: " + error + "; last lines of " + log + ":\n" + tail(log, 15));
            }
            LoadTotals legit = legit(report);
            return new HeapBenchResult(settings, figures, exit, countOutOfMemoryErrors(log), legit.requests(),
                    legit.successes(), legit.p99Ms(), legit.failures(), loadStart, loadEnd, error);
        } finally {
            if (load != null) {
                load.close();
            }
            if (child != null) {
                stop(child, dir);
            }
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is running
                }
            }
        }
    }

    private static final String EOF = new String("<eof>"); // compared by identity: no line is this object

    private Process start(HeapBenchSettings s, Path dir, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (s.maxHeapMiB() > 0) {
            command.add("-Xmx" + s.maxHeapMiB() + "m");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ControllerUnderTest.class.getName());
        command.add(Integer.toString(s.vms()));
        command.add(Integer.toString(s.seconds()));
        command.add(Integer.toString(s.guestMemoryMiB()));
        command.add(Integer.toString(s.bootParallel()));
        command.add(dir.resolve("journal.db").toString());
        command.add(dir.resolve(StaleRuns.RUN_HOME).toString());
        return new ProcessBuilder(command).redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    /** Reads the child's standard output on a daemon thread; the queue ends with {@link #EOF}. */
    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child is gone: its exit code says how
            } finally {
                lines.add(EOF);
            }
        }, "vmshield-bench-controller-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private LoadRun startLoad(HeapBenchSettings s, JsonNode ready) {
        if (s.loadRpsPerService() <= 0) {
            return null;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ready.path("ports").fields().forEachRemaining(e -> ports.put(e.getKey(), e.getValue().asInt()));
        return LoadGenerator.start(LightLoad.plan(ports, s.loadRpsPerService(), s.seconds()));
    }

    private static LoadReport finish(LoadRun load) {
        if (load == null) {
            return null;
        }
        load.stop();
        try {
            return load.awaitReport(Duration.ofMillis(LightLoad.REQUEST_TIMEOUT_MILLIS + 10_000));
        } catch (Exception e) {
            return null;
        } finally {
            load.close();
        }
    }

    /** Returns the legitimate requests, successes and worst per-service p99 of the run, zeros without load. */
    private static LoadTotals legit(LoadReport report) {
        if (report == null) {
            return new LoadTotals(0, 0, 0, "");
        }
        long requests = 0;
        long ok = 0;
        double p99 = 0;
        Map<String, Long> failures = new java.util.TreeMap<>();
        for (String service : report.services().keySet()) {
            ClassStats c = report.stats(service, TrafficClass.LEGIT);
            requests += c.requests();
            ok += c.successes();
            p99 = Math.max(p99, c.latency().p99Ms());
            c.failures().forEach((kind, n) -> {
                if (n > 0) {
                    failures.merge(kind.name().toLowerCase(Locale.ROOT), n, Long::sum);
                }
            });
        }
        StringBuilder text = new StringBuilder();
        failures.forEach((kind, n) -> text.append(text.length() == 0 ? "" : ", ").append(kind).append(' ').append(n));
        return new LoadTotals(requests, ok, p99, text.toString());
    }

    private record LoadTotals(long requests, long successes, double p99Ms, String failures) {}

    private int awaitExit(Process child) throws InterruptedException {
        if (!child.waitFor(CHILD_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            progress.accept("the controller JVM did not exit within " + CHILD_STOP_TIMEOUT.toSeconds() + " s: stopping it");
            stop(child, null);
        }
        return child.exitValue();
    }

    /**
     * Stops the child (SIGTERM: its teardown runs), kills it when it does not exit in time, then removes
     * whatever of its run is left (its QEMU processes, host cgroups, run files: see {@link StaleRuns#remove})
     * and, when {@code dir} is given, the run's folder.
     */
    private void stop(Process child, Path dir) {
        if (child.isAlive()) {
            child.destroy();
            try {
                if (!child.waitFor(CHILD_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    child.descendants().forEach(ProcessHandle::destroyForcibly);
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    progress.accept("killed the controller JVM: it did not stop within " + CHILD_STOP_TIMEOUT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            StaleRuns.remove(dir, progress);
        }
    }

    static int countOutOfMemoryErrors(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> l.contains("java.lang.OutOfMemoryError")).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // no log: the child never started
        }
    }

    private static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
