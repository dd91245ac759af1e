package org.vmshield.balancer.cli;

import io.netty.util.ResourceLeakDetector;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.ListenerView;
import org.vmshield.balancer.config.BalancerConfig;
import org.vmshield.balancer.config.ConfigException;
import org.vmshield.balancer.config.ConfigMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the load balancer standalone from a YAML config until interrupted (Ctrl-C, SIGTERM). */
@Command(name = "balancer", mixinStandardHelpOptions = true,
        description = {"Runs the load balancer standalone: HTTP/1.1 and TCP listeners, pools, guards, admin API.",
                "Example config: balancer/examples/balancer.yaml (documented in docs/balancer.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally (or config valid with --check)", "1:could not start (e.g. port in use)",
                "2:invalid config or options"})
public final class BalancerCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "YAML config file: listeners, pools, backends, limits, admin, guards.")
    Path config;

    @Option(names = "--check", description = "Validate the config (including guard rules) and exit without starting.")
    boolean check;

    @Override
    public Integer call() {
        BalancerConfig c;
        try {
            c = ConfigMapper.loadFile(config);
            var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            c.guards().forEach(array::add);
            org.vmshield.balancer.guard.GuardRuleParser.parseList(array);
        } catch (ConfigException e) {
            System.err.println("vmshield balancer: invalid config " + config + ":");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("vmshield balancer: invalid config " + config + ":\n  guards." + e.getMessage());
            return 2;
        }
        if (check) {
            System.out.println("config " + config + " is valid: " + c.listeners().size() + " listeners, "
                    + c.pools().size() + " pools, " + c.guards().size() + " guard rules");
            return 0;
        }
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // sampling leak records costs a stack trace per 128 buffers: off unless asked for
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        Balancer balancer;
        try {
            balancer = new Balancer(c).start();
        } catch (RuntimeException e) {
            System.err.println("vmshield balancer: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("vmshield balancer: stopping");
            balancer.close();
            stopped.countDown();
        }, "vmshield-balancer-stop"));
        System.out.println("vmshield balancer: running (" + balancer.transportName() + " transport)");
        for (ListenerView l : balancer.listeners()) {
            System.out.println("  listener " + l.name() + " (" + l.protocol() + ") on " + l.bind() + ":" + l.port()
                    + " -> pool " + l.pool());
        }
        System.out.println("  admin API on " + c.admin().bind() + ":" + balancer.adminPort()
                + " (GET /pools, /snapshot, /metrics); Ctrl-C stops");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            balancer.close();
        }
        return 0;
    }
}
