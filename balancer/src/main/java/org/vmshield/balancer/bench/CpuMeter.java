package org.vmshield.balancer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads, from /proc, how busy each core was and how much CPU a process tree used, so that a
 * measurement can say whether the proxy had its core to itself (nothing else ran there), whether
 * wrk and the backend had theirs, and whether the proxy was the bottleneck (it used its whole core).
 */
final class CpuMeter {
    /** Kernel clock ticks per second of /proc figures (USER_HZ, 100 on Linux x86-64). */
    static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {}

    /**
     * CPU ticks at one instant: busy ticks of the two cores; user and system ticks of the proxy's process
     * tree; ticks of the client side (the backend's process tree, and the children this JVM has waited
     * for, such as the wrk runs that ended).
     */
    record Sample(long nanos, long proxyCoreBusyTicks, long clientCoreBusyTicks, long proxyUserTicks,
            long proxySystemTicks, long clientSideTicks) {
        /** Returns the proxy's ticks, user and system. */
        long proxyTicks() {
            return proxyUserTicks + proxySystemTicks;
        }
    }

    /**
     * Samples the cores' busy time, the CPU time of {@code proxy} and its descendants, and that of the
     * client side: {@code clientSide} (with descendants) plus the children this JVM has reaped.
     */
    static Sample sample(int proxyCore, int clientCore, ProcessHandle proxy, ProcessHandle... clientSide)
            throws IOException {
        List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
        long[] proxyTicks = treeTicks(proxy);
        long client = reapedChildrenTicks();
        for (ProcessHandle p : clientSide) {
            long[] t = treeTicks(p);
            client += t[0] + t[1];
        }
        return new Sample(System.nanoTime(), coreBusy(stat, proxyCore), coreBusy(stat, clientCore), proxyTicks[0],
                proxyTicks[1], client);
    }

    /** Returns the shares of the interval between two samples. */
    static CpuShares between(Sample a, Sample b) {
        double ticks = (b.nanos() - a.nanos()) / 1e9 * TICKS_PER_SECOND;
        double user = (b.proxyUserTicks() - a.proxyUserTicks()) / ticks;
        double system = (b.proxySystemTicks() - a.proxySystemTicks()) / ticks;
        double proxyCore = (b.proxyCoreBusyTicks() - a.proxyCoreBusyTicks()) / ticks;
        double client = (b.clientCoreBusyTicks() - a.clientCoreBusyTicks()) / ticks;
        double clientSide = (b.clientSideTicks() - a.clientSideTicks()) / ticks;
        return new CpuShares(clamp(user), clamp(system), clamp(proxyCore - user - system), clamp(client),
                clamp(client - clientSide));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /**
     * Busy ticks of one core: user, nice and system time, and steal (time the hypervisor gave the
     * virtual core to someone else). Interrupt time is left out: the kernel charges loopback packet
     * processing there, and that is the proxies' own traffic.
     */
    private static long coreBusy(List<String> stat, int core) throws IOException {
        String prefix = "cpu" + core + " ";
        for (String line : stat) {
            if (line.startsWith(prefix)) {
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[8]);
            }
        }
        throw new IOException("/proc/stat: no line for cpu" + core);
    }

    /** Returns {utime, stime} of a process and its descendants. */
    private static long[] treeTicks(ProcessHandle root) {
        long[] t = statTicks(root.pid(), 11);
        for (ProcessHandle child : root.descendants().toList()) {
            long[] c = statTicks(child.pid(), 11);
            t[0] += c[0];
            t[1] += c[1];
        }
        return t;
    }

    /**
     * Returns cutime + cstime of this JVM: the CPU of the children it has waited for. A wrk run
     * (taskset execs wrk in place) counts there once it ended and was reaped.
     */
    private static long reapedChildrenTicks() {
        long[] t = statTicks(ProcessHandle.current().pid(), 13);
        return t[0] + t[1];
    }

    /** Returns two consecutive /proc/PID/stat fields from {@code index} after the command name; zeros when gone. */
    private static long[] statTicks(long pid, int index) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[index]), Long.parseLong(f[index + 1])};
        } catch (IOException | RuntimeException gone) {
            return new long[2];
        }
    }
}
