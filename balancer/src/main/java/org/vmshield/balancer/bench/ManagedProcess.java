package org.vmshield.balancer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the benchmark (a proxy, the backend, a vmshield JVM): its output is collected
 * line by line, and {@link #close()} stops it (TERM, then KILL after a grace period), children too.
 */
final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();
    private final Thread pump;

    /** Processes still running, stopped by a shutdown hook if the benchmark is interrupted (Ctrl-C). */
    private static final Set<ManagedProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ManagedProcess::close),
                "bench-cleanup"));
    }

    private ManagedProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        RUNNING.add(this);
        this.pump = new Thread(this::pump, "bench-output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code command} with stderr merged into stdout. */
    static ManagedProcess start(String name, List<String> command, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        return new ManagedProcess(name, pb.start());
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    if (log.length() < 64_000) {
                        log.append(line).append('\n');
                    }
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // The process ended; its output so far is in the log.
        }
    }

    /** Waits for an output line starting with {@code prefix}; returns it. */
    String awaitLine(String prefix, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new IOException(name + " exited with " + process.exitValue() + ":\n" + log());
            }
        }
        throw new IOException(name + ": no line starting with \"" + prefix + "\" within " + timeoutMillis + " ms:\n" + log());
    }

    /** Waits until 127.0.0.1:port accepts connections. */
    void awaitPort(int port, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50); // polling a port that is not open yet
            }
        }
        throw new IOException(name + ": port " + port + " not open within " + timeoutMillis + " ms:\n" + log());
    }

    /** Returns the process (for its CPU time and that of its children). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends one line to the process's stdin. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Returns the process's resident memory in MiB, from /proc. */
    double rssMiB() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException(name + ": no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int waitFor(long timeoutMillis) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IOException(name + " did not finish within " + timeoutMillis + " ms");
        }
        pump.join(10_000); // all of its output read
        return process.exitValue();
    }

    /** Returns what the process printed (first 64 kB). */
    String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    @Override
    public void close() {
        RUNNING.remove(this);
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
