package org.vmshield.hypervisor.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A QEMU process vmshield started, as found in /proc by any process (no controller needed): what
 * an operator sees with {@code vmshield vm list}.
 *
 * @param pid its process id
 * @param instanceId its {@code -name} without the {@code vmshield-} tag
 * @param vm the VM it runs
 * @param host the local host whose cgroup it is in, or "-" when in none
 * @param memoryMiB guest memory
 * @param endpoint where the guest's service answers ({@code host:port}), or "-"
 * @param incoming true for the target of a migration in progress
 */
public record RunningQemu(long pid, String instanceId, String vm, String host, long memoryMiB, String endpoint,
        boolean incoming) {

    /** Returns the QEMU processes vmshield started that run now, oldest pid first. */
    public static List<RunningQemu> list() {
        List<RunningQemu> out = new ArrayList<>();
        for (long pid : QemuCleanup.findQemuProcesses(Optional.empty())) {
            String cgroups;
            try {
                cgroups = Files.readString(Path.of("/proc", Long.toString(pid), "cgroup"));
            } catch (IOException e) {
                continue; // exited meanwhile
            }
            parse(pid, ProcStat.cmdline(pid), cgroups).ifPresent(out::add);
        }
        out.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return out;
    }

    /** Parses a QEMU command line (NUL-separated) and /proc/PID/cgroup; empty when it is not one of vmshield's. */
    static Optional<RunningQemu> parse(long pid, String cmdline, String cgroups) {
        if (!QemuCommandLine.isOurs(cmdline)) {
            return Optional.empty();
        }
        String[] args = cmdline.split("\0");
        String instance = "";
        long memoryMiB = 0;
        String endpoint = "-";
        boolean incoming = false;
        for (int i = 0; i < args.length; i++) {
            String next = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "-name" -> instance = next.split(",")[0].substring(QemuCommandLine.NAME_TAG.length());
                case "-m" -> memoryMiB = Long.parseLong(next.replaceAll("[^0-9]", ""));
                case "-incoming" -> incoming = true;
                case "-append" -> {
                    for (String word : next.split(" ")) {
                        if (word.startsWith("vmshield.ip=")) {
                            endpoint = word.substring("vmshield.ip=".length()).split("/")[0] + ":80";
                        }
                    }
                }
                case "-netdev" -> {
                    int at = next.indexOf("hostfwd=tcp:");
                    if (at >= 0) {
                        String fwd = next.substring(at + "hostfwd=tcp:".length());
                        endpoint = fwd.substring(0, fwd.indexOf("-:"));
                    }
                }
                default -> { }
            }
        }
        // instance ids are <vm>-p<controller pid>-<n>
        String vm = instance.replaceFirst("-p\\d+-\\d+$", "");
        String host = "-";
        for (String line : cgroups.split("\n")) {
            int at = line.indexOf("/vmshield/");
            if (at >= 0) {
                host = line.substring(at + "/vmshield/".length()).split("/")[0];
                break;
            }
        }
        return Optional.of(new RunningQemu(pid, instance, vm, host, memoryMiB, endpoint, incoming));
    }
}
