package org.vmshield.hypervisor.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge network of vmshield's VMs: a network namespace of the project's own, a bridge in
 * it, one tap per QEMU process (a bridge port), and a veth pair into the root namespace whose
 * root end carries the gateway address, so that processes in the root namespace (the balancer)
 * reach VM addresses directly. Nothing is routed or forwarded beyond the namespace.
 *
 * <p>How to run a QEMU process on it: {@link #allocateTap} a tap for the process, start QEMU
 * with {@link #commandPrefix()} in front of its command line and
 * {@code -netdev tap,id=net0,ifname=TAP,script=no,downscript=no -device virtio-net-pci,netdev=net0,mac=MAC}
 * ({@link #macFor}), give the guest {@link #ipFor} with gateway {@link NetworkSettings#gateway()},
 * and {@link #releaseTap} after the process exited. QMP and migration UNIX sockets work across
 * the namespace; TCP migration between two QEMUs of the namespace can use its loopback
 * (127.0.0.1, up). Needs root.
 */
public final class NamespaceNetwork {
    private static final Logger log = LoggerFactory.getLogger(NamespaceNetwork.class);
    private static final String TAP_PREFIX = "vmt";

    private final NetworkSettings settings;
    private final VmAddressPool addresses;
    private final Map<String, String> tapsByProcess = new HashMap<>();

    /** Returns the network described by {@code settings}; nothing is created before {@link #ensure()}. */
    public NamespaceNetwork(NetworkSettings settings) {
        this.settings = settings;
        this.addresses = new VmAddressPool(settings);
    }

    /** Returns the project's network ({@link NetworkSettings#DEFAULT}). */
    public static NamespaceNetwork standard() {
        return new NamespaceNetwork(NetworkSettings.DEFAULT);
    }

    /** Returns the names and addresses of this network. */
    public NetworkSettings settings() {
        return settings;
    }

    /** Creates whatever is missing of namespace, bridge and veth pair, and brings them up. Idempotent. */
    public synchronized void ensure() {
        String ns = settings.namespace();
        if (!namespaceExists(ns)) {
            IpCommand.run("netns", "add", ns);
            log.info("created network namespace {}", ns);
        }
        IpCommand.run("-n", ns, "link", "set", "lo", "up");
        if (!linkExists(ns, NetworkSettings.BRIDGE)) {
            IpCommand.run("-n", ns, "link", "add", NetworkSettings.BRIDGE, "type", "bridge");
        }
        IpCommand.run("-n", ns, "link", "set", NetworkSettings.BRIDGE, "up");
        boolean rootEnd = linkExists(null, settings.rootLink());
        boolean nsEnd = linkExists(ns, NetworkSettings.UPLINK);
        if (rootEnd != nsEnd) {
            // Half a pair (e.g. the namespace was recreated): start the pair over.
            IpCommand.run(rootEnd ? new String[] {"link", "del", settings.rootLink()}
                    : new String[] {"-n", ns, "link", "del", NetworkSettings.UPLINK});
        }
        if (!rootEnd || !nsEnd) {
            IpCommand.run("link", "add", settings.rootLink(), "type", "veth", "peer", "name", NetworkSettings.UPLINK,
                    "netns", ns);
        }
        IpCommand.run("addr", "replace", settings.gateway() + "/" + settings.prefixLength(), "dev", settings.rootLink());
        IpCommand.run("link", "set", settings.rootLink(), "up");
        IpCommand.run("-n", ns, "link", "set", NetworkSettings.UPLINK, "master", NetworkSettings.BRIDGE);
        IpCommand.run("-n", ns, "link", "set", NetworkSettings.UPLINK, "up");
    }

    /** Returns true when the namespace exists. */
    public boolean exists() {
        return namespaceExists(settings.namespace());
    }

    /**
     * Creates a tap for the QEMU process {@code processKey} (e.g. {@code "web-1@small"}; the source
     * and the destination of a migration each need one), attached to the bridge and up; returns
     * its name. Asking again for the same key returns the same tap.
     */
    public synchronized String allocateTap(String processKey) {
        if (processKey == null || processKey.isBlank()) {
            throw new IllegalArgumentException("processKey: '" + processKey + "' (expected: a name for the QEMU process)");
        }
        String existing = tapsByProcess.get(processKey);
        if (existing != null) {
            return existing;
        }
        String ns = settings.namespace();
        Set<String> taken = linkNames(ns);
        String tap = null;
        for (int i = 0; tap == null; i++) {
            if (!taken.contains(TAP_PREFIX + i)) {
                tap = TAP_PREFIX + i;
            }
        }
        IpCommand.run("-n", ns, "tuntap", "add", "dev", tap, "mode", "tap");
        try {
            IpCommand.run("-n", ns, "link", "set", tap, "master", NetworkSettings.BRIDGE);
            IpCommand.run("-n", ns, "link", "set", tap, "up");
        } catch (NetworkException e) {
            IpCommand.tryRun("-n", ns, "link", "del", tap);
            throw e;
        }
        tapsByProcess.put(processKey, tap);
        return tap;
    }

    /** Deletes tap {@code tapName} (after its QEMU process exited). Deleting a missing tap does nothing. */
    public synchronized void releaseTap(String tapName) {
        tapsByProcess.values().remove(tapName);
        if (linkExists(settings.namespace(), tapName)) {
            IpCommand.run("-n", settings.namespace(), "link", "del", tapName);
        }
    }

    /** Returns the taps this object allocated, by process key. */
    public synchronized Map<String, String> taps() {
        return Map.copyOf(tapsByProcess);
    }

    /** Returns the address of VM {@code vmName}, allocating one the first time; it stays across migrations. */
    public String ipFor(String vmName) {
        requireVmName(vmName);
        return addresses.addressOf(vmName);
    }

    /** Reserves {@code address} for {@code vmName}, e.g. for a running VM adopted after a restart. */
    public void reserveIp(String vmName, String address) {
        requireVmName(vmName);
        addresses.reserve(vmName, address);
    }

    /** Frees the address of {@code vmName}; returns false if it had none. */
    public boolean releaseIp(String vmName) {
        return addresses.release(vmName);
    }

    /** Returns a MAC address derived from a VM address (QEMU's 52:54:00 prefix), stable across migrations. */
    public static String macFor(String ipv4) {
        String[] octets = ipv4.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("ipv4: " + ipv4 + " (expected: four octets)");
        }
        return String.format("52:54:00:%02x:%02x:%02x", Integer.parseInt(octets[1]), Integer.parseInt(octets[2]),
                Integer.parseInt(octets[3]));
    }

    /**
     * Returns the prefix that runs a command inside the namespace: {@code ip netns exec NS}. The
     * command keeps its process id. Put cgroup wrappers in front of it, not behind: {@code ip netns
     * exec} remounts {@code /sys}, which hides the cgroup files.
     */
    public List<String> commandPrefix() {
        return List.of("ip", "netns", "exec", settings.namespace());
    }

    /** Returns the ids of the processes running in the namespace (to stop them before a cleanup). */
    public List<Long> processes() {
        if (!exists()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        for (String line : IpCommand.run("netns", "pids", settings.namespace()).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    /** Removes the namespace (with bridge and taps) and the veth pair; stop the QEMU processes first. */
    public synchronized void destroy() {
        tapsByProcess.clear();
        cleanupAll(settings);
    }

    /** Removes everything of the project's network ({@link NetworkSettings#DEFAULT}), also after a crash. */
    public static void cleanupAll() {
        cleanupAll(NetworkSettings.DEFAULT);
    }

    /**
     * Removes the namespace of {@code settings}, every link in it, and the root end of the veth
     * pair. Processes still inside keep a detached namespace alive until they exit, so stop them
     * first ({@link #processes()}).
     */
    public static void cleanupAll(NetworkSettings settings) {
        String ns = settings.namespace();
        if (namespaceExists(ns)) {
            List<Long> pids = new NamespaceNetwork(settings).processes();
            if (!pids.isEmpty()) {
                log.warn("network namespace {} still has processes {}; removing it anyway", ns, pids);
            }
            for (String link : linkNames(ns)) {
                if (!link.equals("lo")) {
                    IpCommand.tryRun("-n", ns, "link", "del", link);
                }
            }
            IpCommand.run("netns", "delete", ns);
            log.info("removed network namespace {}", ns);
        }
        if (linkExists(null, settings.rootLink())) {
            IpCommand.run("link", "del", settings.rootLink());
        }
    }

    private static void requireVmName(String vmName) {
        if (vmName == null || vmName.isBlank()) {
            throw new IllegalArgumentException("vmName: '" + vmName + "' (expected: a VM name)");
        }
    }

    /**
     * Removes the networks of test processes that are gone (a test run killed before its tear-down),
     * with their links; returns how many namespaces were removed. Live test processes keep theirs.
     */
    public static int cleanupAbandonedTestNetworks() {
        int removed = 0;
        for (String ns : namespaceNames()) {
            OptionalLong owner = NetworkSettings.testOwner(ns);
            if (owner.isEmpty() || ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            NetworkSettings settings = NetworkSettings.forTest(owner.getAsLong());
            if (ns.equals(settings.namespace())) {
                cleanupAll(settings);
            } else {
                IpCommand.run("netns", "delete", ns);
                log.info("removed network namespace {}", ns);
            }
            removed++;
        }
        return removed;
    }

    static boolean namespaceExists(String ns) {
        return namespaceNames().contains(ns);
    }

    /** Returns the names of the network namespaces (`ip netns list` prints "NAME (id: N)" per line). */
    private static List<String> namespaceNames() {
        List<String> names = new ArrayList<>();
        for (String line : IpCommand.run("netns", "list").split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Returns true when link {@code name} exists in namespace {@code nsOrNull} (null: the root namespace). */
    static boolean linkExists(String nsOrNull, String name) {
        IpCommand.Result result = nsOrNull == null
                ? IpCommand.tryRun("link", "show", "dev", name)
                : IpCommand.tryRun("-n", nsOrNull, "link", "show", "dev", name);
        return result.exitCode() == 0;
    }

    /** Returns the names of the links in namespace {@code ns}. */
    static Set<String> linkNames(String ns) {
        Set<String> names = new HashSet<>();
        for (String line : IpCommand.run("-n", ns, "-o", "link", "show").split("\n")) {
            String[] fields = line.trim().split(":\\s+", 3);
            if (fields.length >= 2) {
                String name = fields[1];
                int at = name.indexOf('@');
                names.add(at >= 0 ? name.substring(0, at) : name);
            }
        }
        return names;
    }
}
