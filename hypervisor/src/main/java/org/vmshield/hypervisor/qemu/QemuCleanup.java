package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.hypervisor.net.NamespaceNetwork;

/**
 * Removes what the QEMU driver created, from what is on disk and in /proc alone, so it works after
 * the controller was killed with {@code kill -9}: QEMU processes named {@code vmshield-...}, the
 * network namespace with its links, the host cgroups, and the run directory's files.
 */
public final class QemuCleanup {
    private static final Logger log = LoggerFactory.getLogger(QemuCleanup.class);

    /** Each controller lists the hosts (cgroups) it created in {@code controller-PID.hosts} in its run directory. */
    static final String HOSTS_FILE_SUFFIX = ".hosts";

    private QemuCleanup() {}

    /**
     * What a cleanup removed.
     *
     * @param killedPids QEMU processes killed
     * @param cgroupsRemoved cgroup directories removed
     * @param networkRemoved whether the network namespace (and its links) existed and was removed
     * @param testNetworksRemoved namespaces of test runs that were killed before their tear-down
     * @param filesRemoved run-directory files removed
     * @param foldersRemoved temporary folders of demos and benchmarks that were killed
     * @param problems what could not be removed, one line each
     */
    public record Report(List<Long> killedPids, int cgroupsRemoved, boolean networkRemoved, int testNetworksRemoved,
            int filesRemoved, int foldersRemoved, List<String> problems) {
        /** Returns one line for a person. */
        public String summary() {
            return String.format("killed %d QEMU process(es)%s, removed %d cgroup(s), %s%s, %d run file(s)%s%s",
                    killedPids.size(), killedPids.isEmpty() ? "" : " " + killedPids, cgroupsRemoved,
                    networkRemoved ? "removed the network namespace and its links" : "no network namespace",
                    testNetworksRemoved == 0 ? "" : ", " + testNetworksRemoved + " abandoned test namespace(s)",
                    filesRemoved, foldersRemoved == 0 ? "" : ", " + foldersRemoved + " abandoned temporary folder(s)",
                    problems.isEmpty() ? "" : "; problems: " + String.join("; ", problems));
        }
    }

    /** Removes everything vmshield created on this machine, whichever controller created it; the run files under {@code home}. */
    public static Report run(Path home) {
        return run(home, true);
    }

    /**
     * Removes what the controllers using {@code home} created: their QEMU processes, their run files,
     * the host cgroups left without processes, and the network namespace once no process runs in it.
     * VMs of controllers with another home keep running. With {@code everyController}, removes
     * everything vmshield created on this machine instead.
     */
    public static Report run(Path home, boolean everyController) {
        List<String> problems = new ArrayList<>();
        Path runDir = VmshieldHome.runDir(home);
        List<Long> killed = killQemuProcesses(everyController ? Optional.empty() : Optional.of(runDir));
        boolean network = false;
        try {
            network = BridgeNetwork.cleanup(everyController);
        } catch (RuntimeException e) {
            problems.add("network: " + e.getMessage());
        }
        int testNetworks = 0;
        if (everyController && "root".equals(System.getProperty("user.name"))) {
            try {
                testNetworks = NamespaceNetwork.cleanupAbandonedTestNetworks();
            } catch (RuntimeException e) {
                problems.add("test networks: " + e.getMessage());
            }
        }
        int cgroups = 0;
        if ("root".equals(System.getProperty("user.name"))) {
            try {
                cgroups = everyController ? CgroupHostSlices.removeAll() : CgroupHostSlices.removeEmpty(hostsOf(runDir));
                cgroups += org.vmshield.hypervisor.host.DriverGroup.removeAbandoned(); // of a demo that was killed
            } catch (RuntimeException e) {
                problems.add("cgroups: " + e.getMessage());
            }
        }
        int files = removeRunFiles(runDir, problems);
        int folders = everyController ? removeAbandonedRunFolders(problems) : 0;
        Report r = new Report(killed, cgroups, network, testNetworks, files, folders, problems);
        log.info("cleanup: {}", r.summary());
        return r;
    }

    /** Returns the hosts that the controllers using {@code runDir} created (their {@code *.hosts} files). */
    private static java.util.Set<String> hostsOf(Path runDir) {
        java.util.Set<String> hosts = new java.util.TreeSet<>();
        if (!Files.isDirectory(runDir)) {
            return hosts;
        }
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(HOSTS_FILE_SUFFIX)).toList()) {
                Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(hosts::add);
            }
        } catch (IOException e) {
            log.warn("cannot read the hosts files of {}: {}", runDir, e.toString());
        }
        return hosts;
    }

    /** Returns the pids of running QEMU processes vmshield started; with {@code runDir}, only those whose files are there. */
    public static List<Long> findQemuProcesses(Optional<Path> runDir) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .forEach(pid -> {
                        String cmd = ProcStat.cmdline(pid);
                        if (QemuCommandLine.isOurs(cmd)
                                && (runDir.isEmpty() || cmd.contains(runDir.get().toString() + "/"))) {
                            pids.add(pid);
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return pids;
    }

    /** Kills (SIGKILL) the QEMU processes vmshield started and waits for them; returns their pids. */
    static List<Long> killQemuProcesses(Optional<Path> runDir) {
        List<Long> pids = findQemuProcesses(runDir);
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("QEMU pid {} did not exit within 10 s of SIGKILL", pid);
                }
            });
        }
        return pids;
    }

    /** Removes the temporary folders of demos and benchmarks that were killed. */
    private static int removeAbandonedRunFolders(List<String> problems) {
        int removed = 0;
        for (String kind : RunFolders.ALL) {
            try {
                for (Path dir : RunFolders.abandoned(RunFolders.tmp(), kind)) {
                    RunFolders.deleteTree(dir);
                    removed++;
                }
            } catch (IOException e) {
                problems.add("temporary folders " + kind + "*: " + e.getMessage());
            }
        }
        return removed;
    }

    private static int removeRunFiles(Path runDir, List<String> problems) {
        if (!Files.isDirectory(runDir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.toList()) {
                try {
                    Files.deleteIfExists(f);
                    removed++;
                } catch (IOException e) {
                    problems.add("cannot remove " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("cannot list " + runDir + ": " + e.getMessage());
        }
        return removed;
    }
}
