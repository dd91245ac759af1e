package org.vmshield.hypervisor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "vm", mixinStandardHelpOptions = true, description = "Starts, inspects and live-migrates VMs on local hosts.")
public final class VmCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield vm: not implemented yet");
        return 2;
    }
}
