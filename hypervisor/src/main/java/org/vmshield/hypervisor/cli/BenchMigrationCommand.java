package org.vmshield.hypervisor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "migration", mixinStandardHelpOptions = true, description = "Benchmarks live migration against a bare QMP migrate and a plain TCP transfer.")
public final class BenchMigrationCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield migration: not implemented yet");
        return 2;
    }
}
