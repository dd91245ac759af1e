package org.vmshield.demo.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives vmshield's cgroup (cgroup v1 {@code cpu/vmshield}, the parent of the local hosts' slices)
 * a CPU weight of many processes while the demo runs, and restores the previous weight after.
 *
 * <p>Why: a local host is a CPU quota, which is a cap, not a guarantee. The parent group has the
 * default weight (1024), the weight of ONE process at the root: on a machine where other work runs
 * (builds, tests), all the VMs together then get a tiny share of the CPU, and the guests time out
 * before any attack. With the weight of 8 processes they get their quotas on a busy machine, while
 * the JVM (balancer, load generator; its threads weigh 1024 each) keeps its share: with a weight
 * of 32 processes the guests starved the load generator for seconds. Only as root on cgroup v1;
 * otherwise nothing changes.
 */
public final class CpuWeight implements AutoCloseable {
    /** The weight the demo gives the group while it runs (cgroup v1 allows 2..262144). */
    static final long DEMO_SHARES = 8_192;
    private static final Path V1_GROUP = Path.of("/sys/fs/cgroup/cpu/vmshield/cpu.shares");

    private final Path file;
    private final String previous;

    private CpuWeight(Path file, String previous) {
        this.file = file;
        this.previous = previous;
    }

    /** Raises the weight when the group exists and is writable; returns what restores it, or empty. */
    public static Optional<CpuWeight> raise() {
        return raise(V1_GROUP, DEMO_SHARES);
    }

    static Optional<CpuWeight> raise(Path file, long shares) {
        if (!Files.isWritable(file)) {
            return Optional.empty();
        }
        try {
            String previous = Files.readString(file).strip();
            Files.writeString(file, Long.toString(shares));
            return Optional.of(new CpuWeight(file, previous));
        } catch (IOException e) {
            return Optional.empty(); // the weight is a help, not a requirement: run with the default
        }
    }

    /** Returns the weight that was in force before. */
    public String previous() {
        return previous;
    }

    /** Restores the previous weight. */
    @Override
    public void close() throws IOException {
        if (Files.exists(file)) {
            Files.writeString(file, previous);
        }
    }
}
