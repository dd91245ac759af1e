package org.vmshield.hypervisor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Groups the commands that run and move VMs on local hosts. */
@Command(
        name = "vm",
        mixinStandardHelpOptions = true,
        description = "Starts, inspects and live-migrates VMs on local hosts.",
        subcommands = {VmDemoMigrateCommand.class, VmListCommand.class})
public final class VmCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand (try: vmshield vm demo-migrate)");
    }
}
