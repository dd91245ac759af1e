package org.vmshield.hypervisor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, description = "Removes everything vmshield created (processes, namespace, links, cgroups, sockets).")
public final class CleanupCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield cleanup: not implemented yet");
        return 2;
    }
}
