package org.vmshield.hypervisor.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One local host: a cgroup (one directory per hierarchy) whose processes share a CPU quota and
 * a memory limit. Obtain it from {@link LocalHostCgroups#create}. Reading {@link #usage()} costs
 * three small file reads, cheap enough for every 250 ms.
 */
public final class LocalHostSlice {
    private static final int REMOVE_ATTEMPTS = 50;
    private static final long REMOVE_RETRY_MILLIS = 20;

    private final CgroupBackend backend;
    private final String name;
    private final VmCpuGroups vmCpuGroups;

    LocalHostSlice(CgroupBackend backend, String name) {
        this.backend = backend;
        this.name = name;
        this.vmCpuGroups = new VmCpuGroups(backend, name);
    }

    /** Returns the per-VM CPU caps within this slice. */
    public VmCpuGroups vmCpuGroups() {
        return vmCpuGroups;
    }

    /** Returns the host's name. */
    public String name() {
        return name;
    }

    /** Returns the slice's cgroup directory in each hierarchy. */
    public List<Path> cgroupDirs() {
        return backend.sliceDirs(name);
    }

    /** Returns the CPU capacity in cores, read back from the cgroup (infinite when unlimited). */
    public double cpuCores() {
        return backend.readCpuCores(name);
    }

    /**
     * Sets the CPU capacity to {@code cpuCores} cores; takes effect at once for running processes.
     * cgroup v1 refuses a capacity below a VM's cap in the slice: lower or remove the cap first.
     */
    public void setCpuCores(double cpuCores) {
        LocalHostCgroups.requireCpuCores(cpuCores);
        backend.writeCpuCores(name, cpuCores);
    }

    /** Returns the CPU weight (cgroup v1 {@code cpu.shares} units), read back from the cgroup. */
    public long cpuShares() {
        return backend.readCpuShares(name);
    }

    /**
     * Sets the CPU weight, in cgroup v1 {@code cpu.shares} units (1024 is one process's weight; v2's
     * {@code cpu.weight} gets the same share); takes effect at once. The quota still caps the slice.
     */
    public void setCpuShares(long shares) {
        LocalHostCgroups.requireCpuShares(shares);
        backend.writeCpuShares(name, shares);
    }

    /** Returns the memory limit in MiB, read back from the cgroup. */
    public long memoryMiB() {
        return backend.readMemoryLimitBytes(name) / (1024 * 1024);
    }

    /** Sets the memory limit to {@code memoryMiB}; fails if the slice already uses more. */
    public void setMemoryMiB(long memoryMiB) {
        LocalHostCgroups.requireMemoryMiB(memoryMiB);
        backend.writeMemoryBytes(name, memoryMiB * 1024 * 1024);
    }

    /** Moves process {@code pid} (all its threads) into this slice, in every hierarchy. */
    public void addProcess(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid: " + pid + " (expected: > 0)");
        }
        for (Path dir : cgroupDirs()) {
            try {
                CgroupFiles.write(dir.resolve("cgroup.procs"), Long.toString(pid));
            } catch (CgroupException e) {
                throw new CgroupException("cannot add process " + pid + " to host " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** Returns the ids of the processes in this slice, those in its VMs' CPU groups included. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>(CgroupFiles.readPids(cgroupDirs().get(0).resolve("cgroup.procs")));
        for (Path group : vmCpuGroups.groupDirs()) {
            try {
                pids.addAll(CgroupFiles.readPids(group.resolve("cgroup.procs")));
            } catch (CgroupException e) {
                // removed meanwhile: its processes are gone
            }
        }
        return pids;
    }

    /** Reads the slice's cumulative CPU and throttling counters and its current memory use. */
    public SliceUsage usage() {
        return backend.readUsage(name);
    }

    /**
     * Returns {@code command} wrapped so that the process joins this slice before it starts
     * ({@code sh -c 'echo $$ > .../cgroup.procs && exec "$@"'}): the process id stays the same,
     * and nothing it allocates is charged elsewhere. Composes with other prefixes such as
     * {@code ip netns exec}.
     */
    public List<String> wrapCommand(List<String> command) {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command: " + command + " (expected: a program and its arguments)");
        }
        StringBuilder script = new StringBuilder();
        for (Path dir : cgroupDirs()) {
            String procs = dir.resolve("cgroup.procs").toString();
            if (procs.contains("'")) {
                throw new CgroupException("cgroup path " + procs + " contains a quote: cannot wrap a command");
            }
            script.append("echo $$ > '").append(procs).append("' && ");
        }
        script.append("exec \"$@\"");
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", script.toString(), "vmshield-host-" + name));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Removes the slice and its VMs' CPU groups. Processes still inside are moved to the cgroup
     * above the parent group (never killed); callers normally stop them first.
     */
    public void remove() {
        List<Path> dirs = cgroupDirs();
        List<Path> bases = backend.baseDirs();
        for (int i = 0; i < dirs.size(); i++) {
            if (Files.isDirectory(dirs.get(i))) {
                LocalHostCgroups.removeTree(dirs.get(i), bases.get(i));
            }
        }
    }

    /** Moves the processes of cgroup {@code dir} to {@code target} and removes {@code dir}. */
    static void evacuateAndRemove(Path dir, Path target) {
        for (int attempt = 1; ; attempt++) {
            for (long pid : CgroupFiles.readPids(dir.resolve("cgroup.procs"))) {
                try {
                    CgroupFiles.write(target.resolve("cgroup.procs"), Long.toString(pid));
                } catch (CgroupException e) {
                    // the process exited meanwhile: nothing to move
                }
            }
            try {
                CgroupFiles.rmdir(dir);
                return;
            } catch (CgroupException e) {
                if (attempt >= REMOVE_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(REMOVE_RETRY_MILLIS); // an exiting process leaves the cgroup a moment later
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CgroupException("interrupted while removing cgroup " + dir, e);
            }
        }
    }

    @Override
    public String toString() {
        return "LocalHostSlice[" + name + " " + cgroupDirs() + "]";
    }
}
