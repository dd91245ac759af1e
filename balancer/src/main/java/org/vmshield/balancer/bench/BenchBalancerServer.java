package org.vmshield.balancer.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.config.ConfigMapper;
import org.vmshield.balancer.guard.GuardChain;
import org.vmshield.balancer.guard.rule.CidrRule;
import org.vmshield.balancer.guard.rule.SourceRateRule;

/**
 * The vmshield balancer as the benchmark runs it: a separate JVM (pinned by the caller) that starts
 * the real {@link Balancer} from a YAML file, optionally loads {@code cidrRules} CIDR deny blocks
 * (none matches loopback) and makes the guards track {@code sources} distinct sources, prints
 * {@code READY port=N}, then obeys stdin: {@code refuse-all} adds a rate limit that refuses nearly
 * every request, {@code allow-all} removes it; end of input stops it.
 *
 * <p>Usage: {@code BenchBalancerServer CONFIG.yaml CIDR_RULES SOURCES}
 */
public final class BenchBalancerServer {
    private BenchBalancerServer() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BenchBalancerServer CONFIG.yaml CIDR_RULES SOURCES");
            System.exit(2);
        }
        int cidrRules = Integer.parseInt(args[1]);
        int sources = Integer.parseInt(args[2]);
        try (Balancer balancer = new Balancer(ConfigMapper.loadFile(Path.of(args[0]))).start()) {
            GuardChain chain = balancer.guardChain();
            if (cidrRules > 0) {
                chain.rules().add(new CidrRule("bench-cidr", "deny",
                        GuardMicroBenchmark.randomBlocks(cidrRules, new Random(11)), null, null));
            }
            if (sources > 0) {
                fill(chain, sources);
            }
            System.out.println("READY port=" + balancer.listenerPort("bench") + " rules=" + chain.rules().size());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("refuse-all")) {
                    chain.rules().put(SourceRateRule.of("bench-refuse-all", 1, 1));
                    System.out.println("OK refuse-all");
                } else if (line.equals("allow-all")) {
                    chain.rules().remove("bench-refuse-all");
                    System.out.println("OK allow-all");
                } else if (line.equals("stats")) {
                    System.out.println("STATS " + chain.counters().totals());
                }
            }
        }
    }

    /** Sends one request decision per synthetic source (127.16.0.0/12) through the guards, so that each is tracked. */
    private static void fill(GuardChain chain, int sources) throws Exception {
        byte[] b = new byte[4];
        for (int i = 0; i < sources; i++) {
            int ip = 0x7F100000 + i;
            b[0] = (byte) (ip >>> 24);
            b[1] = (byte) (ip >>> 16);
            b[2] = (byte) (ip >>> 8);
            b[3] = (byte) ip;
            chain.onRequest(InetAddress.getByAddress(b), "bench", "/", System.nanoTime());
        }
    }
}
