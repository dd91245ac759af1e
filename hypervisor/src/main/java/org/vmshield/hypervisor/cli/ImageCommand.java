package org.vmshield.hypervisor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: to be replaced by the real command. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Builds and lists guest images.")
public final class ImageCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vmshield image: not implemented yet");
        return 2;
    }
}
