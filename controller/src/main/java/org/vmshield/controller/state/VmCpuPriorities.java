package org.vmshield.controller.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmState;

/**
 * Puts each VM of a critical service first in line for its host's CPU (nice {@value #CRITICAL_NICE}
 * against the others' 0), and tells the hypervisor once per VM; the hypervisor keeps the value for
 * the VM's later processes, so it survives a migration. libvirt's per-VM {@code <shares>} does the
 * same on a real host.
 *
 * <p>Why: in the paper's scenario the attacked VM and the critical VM share one host's quota. Until
 * the attacked VM has left (1-2 s after onset), it keeps the host at its cap, and the critical VM's
 * requests queued behind its crafted searches: 30-40 ms against 3-10 ms before the attack. Ahead of
 * it, the critical VM runs as soon as the host has quota left in the period. The quota still caps
 * the host, so the attacked VM still saturates it and is still detected and moved.
 */
public final class VmCpuPriorities {
    /** The nice value of a critical VM's processes (weight ~9.3 x a default thread's). */
    static final int CRITICAL_NICE = -10;
    private static final Logger log = LoggerFactory.getLogger(VmCpuPriorities.class);

    private final ControllerConfig config;
    private final Hypervisor hypervisor;
    private final Map<String, Integer> applied = new HashMap<>();

    /** Creates the priorities of {@code config}'s services, applied through {@code hypervisor}. */
    public VmCpuPriorities(ControllerConfig config, Hypervisor hypervisor) {
        this.config = config;
        this.hypervisor = hypervisor;
    }

    /** Returns the nice value {@code vm} should have: {@value #CRITICAL_NICE} for a critical service's VM, else 0. */
    public int desired(VmInfo vm) {
        return config.isCritical(vm.spec().service()) ? CRITICAL_NICE : 0;
    }

    /**
     * Sets the priority of each running VM whose value is not in force yet (VMs start at 0); one that
     * is refused (not root) is logged once, and the VM keeps the default. Forgets VMs that are not
     * running.
     */
    public void apply(List<VmInfo> vms) {
        Map<String, Integer> seen = new HashMap<>();
        for (VmInfo vm : vms) {
            if (vm.state() != VmState.RUNNING) {
                continue; // forgotten: set again once it runs (a VM started anew under its name)
            }
            String name = vm.spec().name();
            int nice = desired(vm);
            int current = applied.getOrDefault(name, 0);
            seen.put(name, current);
            if (current == nice) {
                continue;
            }
            try {
                hypervisor.setVmCpuPriority(name, nice);
                log.info("VM {}: CPU priority nice {}", name, nice);
            } catch (RuntimeException ex) {
                // not root, say: the VM runs at the default priority; not retried every tick
                log.warn("VM {}: cannot set CPU priority nice {} (it keeps the default): {}", name, nice, ex.toString());
            }
            seen.put(name, nice);
        }
        applied.clear();
        applied.putAll(seen);
    }
}
