package org.vmshield.hypervisor.net;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names and addresses of one bridge network: a network namespace holding bridge
 * {@value #BRIDGE}, and a veth pair from {@code rootLink} (root namespace, address
 * {@code subnet24.1/24}) to {@value #UPLINK} (in the namespace, a bridge port). VMs get
 * {@code subnet24.10} to {@code subnet24.254}.
 *
 * @param namespace the network namespace, e.g. {@code vmshield}
 * @param rootLink the veth end in the root namespace, at most 15 characters, e.g. {@code vms0}
 * @param subnet24 the first three octets of the /24 subnet, e.g. {@code 10.213.0}
 */
public record NetworkSettings(String namespace, String rootLink, String subnet24) {
    // Declared before DEFAULT: the constructor of DEFAULT uses them.
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");
    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");

    /** Namespaces of test processes' own networks: {@code vmshield-t<pid>}, and {@code -vm} ones beside. */
    private static final Pattern TEST_NAMESPACE = Pattern.compile("vmshield-t([0-9]{1,10})(-vm)?");

    /** The project's network: namespace {@code vmshield}, link {@code vms0}, subnet 10.213.0.0/24. */
    public static final NetworkSettings DEFAULT = new NetworkSettings("vmshield", "vms0", "10.213.0");
    /** The bridge's name inside the namespace. */
    public static final String BRIDGE = "br0";
    /** The namespace end of the veth pair. */
    public static final String UPLINK = "uplink0";
    /** The first host number handed to VMs (.1 is the root side; .2-.9 are spare). */
    public static final int FIRST_VM_HOST = 10;
    /** The last host number handed to VMs. */
    public static final int LAST_VM_HOST = 254;

    /** Validates the names and the subnet. */
    public NetworkSettings {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace: '" + namespace
                    + "' (expected: 1-64 letters, digits, '.', '_' or '-')");
        }
        if (rootLink == null || !LINK.matcher(rootLink).matches()) {
            throw new IllegalArgumentException("rootLink: '" + rootLink
                    + "' (expected: 1-15 letters, digits, '.', '_' or '-')");
        }
        String[] octets = subnet24 == null ? new String[0] : subnet24.split("\\.", -1);
        boolean valid = octets.length == 3;
        for (String octet : octets) {
            valid &= OCTET.matcher(octet).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException("subnet24: '" + subnet24 + "' (expected: three octets such as 10.213.0)");
        }
    }

    /**
     * Returns the network of the test process {@code pid}: its own names and subnet (10.213.200-249),
     * so that test runs do not collide with each other or with the project's network, and a cleanup
     * can tell one abandoned by a killed run ({@link #testOwner}).
     */
    public static NetworkSettings forTest(long pid) {
        return new NetworkSettings("vmshield-t" + pid, "vmst" + pid % 100_000, "10.213." + (200 + pid % 50));
    }

    /** Returns the pid of the test process that named namespace {@code namespace}, if a test did. */
    public static OptionalLong testOwner(String namespace) {
        Matcher m = TEST_NAMESPACE.matcher(namespace);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Returns the root side's address, {@code subnet24.1}: the VMs' gateway and the balancer's source. */
    public String gateway() {
        return subnet24 + ".1";
    }

    /** Returns the subnet's prefix length, 24. */
    public int prefixLength() {
        return 24;
    }

    /** Returns the subnet in CIDR notation, e.g. {@code 10.213.0.0/24}. */
    public String cidr() {
        return subnet24 + ".0/24";
    }
}
