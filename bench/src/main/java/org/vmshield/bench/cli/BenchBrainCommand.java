package org.vmshield.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "brain", mixinStandardHelpOptions = true, description = "Benchmarks one detector tick and one planner tick.")
public final class BenchBrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield brain: not implemented yet");
        return 2;
    }
}
