package org.vmshield.balancer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "balancer", mixinStandardHelpOptions = true, description = "Runs the load balancer standalone.")
public final class BalancerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield balancer: not implemented yet");
        return 2;
    }
}
