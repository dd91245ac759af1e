package org.vmshield.load.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Generates legitimate and attack load against a service.")
public final class LoadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield load: not implemented yet");
        return 2;
    }
}
