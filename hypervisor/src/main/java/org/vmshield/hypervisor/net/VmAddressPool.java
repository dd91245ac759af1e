package org.vmshield.hypervisor.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Hands out one address of a /24 per VM name; a VM keeps its address until released. Thread-safe. */
final class VmAddressPool {
    private final NetworkSettings settings;
    private final Map<String, Integer> byVm = new HashMap<>();
    private final TreeSet<Integer> used = new TreeSet<>();

    VmAddressPool(NetworkSettings settings) {
        this.settings = settings;
    }

    /** Returns the address of {@code vmName}, allocating the lowest free one the first time. */
    synchronized String addressOf(String vmName) {
        Integer host = byVm.get(vmName);
        if (host == null) {
            host = lowestFree().orElseThrow(() -> new NetworkException("no free address for VM " + vmName + " in "
                    + settings.cidr() + " (" + byVm.size() + " VMs hold them all)"));
            byVm.put(vmName, host);
            used.add(host);
        }
        return settings.subnet24() + "." + host;
    }

    /** Reserves {@code address} for {@code vmName} (e.g. when re-adopting a running VM). */
    synchronized void reserve(String vmName, String address) {
        if (!address.startsWith(settings.subnet24() + ".")) {
            throw new IllegalArgumentException("address: " + address + " (expected: in " + settings.cidr() + ")");
        }
        int host;
        try {
            host = Integer.parseInt(address.substring(settings.subnet24().length() + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address: " + address + " (expected: an IPv4 address)", e);
        }
        if (host < NetworkSettings.FIRST_VM_HOST || host > NetworkSettings.LAST_VM_HOST) {
            throw new IllegalArgumentException("address: " + address + " (expected: ." + NetworkSettings.FIRST_VM_HOST
                    + " to ." + NetworkSettings.LAST_VM_HOST + ")");
        }
        Integer current = byVm.get(vmName);
        if (current != null && current == host) {
            return;
        }
        if (used.contains(host)) {
            throw new NetworkException("address " + address + " is already held by another VM");
        }
        if (current != null) {
            used.remove(current);
        }
        byVm.put(vmName, host);
        used.add(host);
    }

    /** Frees the address of {@code vmName}; returns false if it had none. */
    synchronized boolean release(String vmName) {
        Integer host = byVm.remove(vmName);
        if (host == null) {
            return false;
        }
        used.remove(host);
        return true;
    }

    private Optional<Integer> lowestFree() {
        for (int host = NetworkSettings.FIRST_VM_HOST; host <= NetworkSettings.LAST_VM_HOST; host++) {
            if (!used.contains(host)) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }
}
