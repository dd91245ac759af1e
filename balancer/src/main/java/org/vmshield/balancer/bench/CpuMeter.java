package org.vmshield.balancer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads, from /proc, how busy each core was and how much CPU a process tree used, so that a
 * measurement can say whether the proxy had its core to itself (nothing else ran there) and whether
 * it was the bottleneck (it used its whole core) rather than wrk and the backend.
 */
final class CpuMeter {
    /** Kernel clock ticks per second of /proc figures (USER_HZ, 100 on Linux x86-64). */
    static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {}

    /** CPU ticks at one instant: busy ticks of the two cores, ticks used by the proxy's process tree. */
    record Sample(long nanos, long proxyCoreBusyTicks, long clientCoreBusyTicks, long proxyTicks) {}

    /** Samples the cores' busy time and the CPU time of {@code proxy} and its descendants. */
    static Sample sample(int proxyCore, int clientCore, ProcessHandle proxy) throws IOException {
        List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
        long proxyTicks = processTicks(proxy.pid());
        for (ProcessHandle child : proxy.descendants().toList()) {
            proxyTicks += processTicks(child.pid());
        }
        return new Sample(System.nanoTime(), coreBusy(stat, proxyCore), coreBusy(stat, clientCore), proxyTicks);
    }

    /** Returns the shares of the interval between two samples. */
    static CpuShares between(Sample a, Sample b) {
        double ticks = (b.nanos() - a.nanos()) / 1e9 * TICKS_PER_SECOND;
        double proxy = (b.proxyTicks() - a.proxyTicks()) / ticks;
        double proxyCore = (b.proxyCoreBusyTicks() - a.proxyCoreBusyTicks()) / ticks;
        double client = (b.clientCoreBusyTicks() - a.clientCoreBusyTicks()) / ticks;
        return new CpuShares(clamp(proxy), clamp(proxyCore - proxy), clamp(client));
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

    /** Returns utime + stime of a process (all its threads), 0 when it has ended. */
    private static long processTicks(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
