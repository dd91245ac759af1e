package org.vmshield.cli;

import picocli.CommandLine;

/** Entry point of the {@code vmshield} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Returns the command line with every subcommand wired, as the tests use it too. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new VmshieldCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
