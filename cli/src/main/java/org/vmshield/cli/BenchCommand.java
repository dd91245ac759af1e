package org.vmshield.cli;

import org.vmshield.balancer.cli.BenchBalancerCommand;
import org.vmshield.bench.cli.BenchBrainCommand;
import org.vmshield.bench.cli.BenchControllerCommand;
import org.vmshield.hypervisor.cli.BenchMigrationCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Groups the benchmarks; each prints its numbers beside the reference they are compared to. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Runs a benchmark and prints its numbers beside their reference.",
        subcommands = {BenchMigrationCommand.class, BenchBrainCommand.class, BenchBalancerCommand.class,
                BenchControllerCommand.class})
public final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark name");
    }
}
