package org.vmshield.hypervisor;

import java.util.regex.Pattern;

/** Checks the names of hosts and VMs, which end up in process names, file names and cgroup paths. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    private Names() {}

    static void check(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + ": " + name
                    + " (expected: lower-case letters, digits and '-', starting with a letter, 1..20 characters)");
        }
    }
}
