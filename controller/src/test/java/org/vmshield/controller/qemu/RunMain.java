package org.vmshield.controller.qemu;

import org.vmshield.controller.cli.RunCommand;
import picocli.CommandLine;

/** Runs {@code vmshield run} in a child JVM, for the crash test. */
public final class RunMain {
    private RunMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunCommand()).execute(args));
    }
}
