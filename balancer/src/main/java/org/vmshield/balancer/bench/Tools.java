package org.vmshield.balancer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds the external programs the benchmark needs and installs the missing ones with apt-get. */
final class Tools {
    /** Program and the Debian package that provides it. */
    private static final String[][] NEEDED = {{"wrk", "wrk"}, {"haproxy", "haproxy"}, {"nginx", "nginx"}, {"taskset", "util-linux"}};

    private Tools() {}

    static void ensureInstalled(boolean install, PrintStream progress) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String[] t : NEEDED) {
            if (!onPath(t[0])) {
                missing.add(t[1]);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!install) {
            throw new IOException("missing programs from packages " + missing + " (expected: installed, or run without --no-install)");
        }
        progress.println("installing " + missing + " with apt-get...");
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        cmd.addAll(missing);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO().redirectOutput(ProcessBuilder.Redirect.to(
                new java.io.File("/dev/stderr")));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("apt-get install " + missing + " failed (expected: root and a reachable package mirror)");
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
