package org.vmshield.hypervisor.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.hypervisor.Endpoint;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.VmSpec;
import org.vmshield.hypervisor.qmp.QmpClient;
import org.vmshield.hypervisor.qmp.QmpException;

/** One QEMU process: launched, connected over QMP, and killed with its files removed. */
final class QemuInstance {
    private static final Logger log = LoggerFactory.getLogger(QemuInstance.class);
    static final Duration QMP_CONNECT_TIMEOUT = Duration.ofSeconds(20);

    final String instanceId;
    final VmSpec spec;
    final NicConfig nic;
    final Endpoint endpoint;
    final InstanceFiles files;
    private final Process process;
    private QmpClient qmp;
    private final Runnable releaseNetwork;

    private QemuInstance(String instanceId, VmSpec spec, NicConfig nic, Endpoint endpoint, InstanceFiles files,
            Process process, Runnable releaseNetwork) {
        this.instanceId = instanceId;
        this.spec = spec;
        this.nic = nic;
        this.endpoint = endpoint;
        this.files = files;
        this.process = process;
        this.releaseNetwork = releaseNetwork;
    }

    /**
     * Starts QEMU with {@code command} (already wrapped for a namespace when needed) and connects
     * to its QMP socket. On any failure the process is killed and {@code releaseNetwork} run.
     */
    static QemuInstance launch(String instanceId, VmSpec spec, NicConfig nic, Endpoint endpoint,
            InstanceFiles files, List<String> command, Runnable releaseNetwork) {
        files.delete();
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(files.stderrLog().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            releaseNetwork.run();
            throw new HypervisorException("cannot start QEMU for " + spec.name() + ": " + e.getMessage(), e);
        }
        QemuInstance instance = new QemuInstance(instanceId, spec, nic, endpoint, files, p, releaseNetwork);
        log.debug("started {} pid {}: {}", instanceId, p.pid(), String.join(" ", command));
        try {
            instance.qmp = QmpClient.connect(files.qmpSocket(), QMP_CONNECT_TIMEOUT);
            return instance;
        } catch (QmpException e) {
            String why = instance.qemuOutput();
            instance.kill();
            throw new HypervisorException("QEMU for " + spec.name() + " did not come up"
                    + (why.isEmpty() ? ": " + e.getMessage() : ": " + why), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    QmpClient qmp() {
        return qmp;
    }

    /** Sends a QMP command and returns its result, turning QMP failures into HypervisorException. */
    JsonNode call(String command, JsonNode args) {
        try {
            return qmp.call(command, args);
        } catch (QmpException e) {
            throw new HypervisorException(command + " on " + instanceId + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the last lines QEMU printed (errors), for messages. */
    String qemuOutput() {
        try {
            List<String> lines = Files.readAllLines(files.stderrLog());
            List<String> tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return String.join(" | ", tail).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Asks QEMU to quit, then kills it if it has not exited within {@code grace}; removes its files. */
    void quit(Duration grace) {
        if (process.isAlive() && qmp != null && qmp.isOpen()) {
            qmp.send("quit", null, Duration.ofSeconds(2));
            try {
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
    }

    /** Kills the process at once, waits for it, releases its network and removes its files. Idempotent. */
    void kill() {
        if (qmp != null) {
            qmp.close();
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                log.warn("QEMU {} (pid {}) did not die within 10 s of SIGKILL", instanceId, process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            releaseNetwork.run();
        }
        files.delete();
    }

    @Override
    public String toString() {
        return instanceId + "(pid " + process.pid() + ")";
    }
}
