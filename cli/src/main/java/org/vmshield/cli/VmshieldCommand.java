package org.vmshield.cli;

import org.vmshield.balancer.cli.BalancerCommand;
import org.vmshield.controller.cli.CtlCommand;
import org.vmshield.controller.cli.RunCommand;
import org.vmshield.demo.cli.DemoCommand;
import org.vmshield.hypervisor.cli.CleanupCommand;
import org.vmshield.hypervisor.cli.ImageCommand;
import org.vmshield.hypervisor.cli.VmCommand;
import org.vmshield.load.cli.LoadCommand;
import org.vmshield.sim.cli.SimulateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and prints usage when called alone. */
@Command(
        name = "vmshield",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps a VM-hosted service alive under a denial-of-service attack.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            CtlCommand.class,
            ImageCommand.class,
            VmCommand.class,
            BalancerCommand.class,
            LoadCommand.class,
            SimulateCommand.class,
            BenchCommand.class,
            CleanupCommand.class,
        })
public final class VmshieldCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
