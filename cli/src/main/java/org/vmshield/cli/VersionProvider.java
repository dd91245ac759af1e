package org.vmshield.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so that it is written in one place (the POM). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"vmshield " + (v == null ? "development build" : v)};
    }
}
