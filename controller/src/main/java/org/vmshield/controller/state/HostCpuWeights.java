package org.vmshield.controller.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.HostDecl;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.VmInfo;

/**
 * Keeps each host's CPU weight at one process's weight plus three more per running VM of a critical
 * service on it, and tells the hypervisor when that changes (a VM started, stopped or migrated).
 *
 * <p>Why: local hosts are slices of one machine and compete for its cores, which separate hosts never
 * do. When the machine is short of CPU (a migrated VM working off its backlog on one host while a
 * replacement boots on another), a critical VM on a quiet host waited its turn behind them: one
 * request in a hundred took 30-80 ms instead of 10. The weight gives hosts that carry critical VMs
 * first call on the CPU; their quotas still cap them, so an attacked VM on such a host still
 * saturates it, and the paper's scenario is unchanged.
 */
public final class HostCpuWeights {
    /** One process's weight (cgroup v1 {@code cpu.shares}). */
    static final long BASE_SHARES = 1024;
    /** What each running critical VM adds to its host's weight. */
    static final long SHARES_PER_CRITICAL_VM = 3 * BASE_SHARES;
    private static final Logger log = LoggerFactory.getLogger(HostCpuWeights.class);

    private final ControllerConfig config;
    private final Hypervisor hypervisor;
    private final Map<String, Long> applied = new HashMap<>();

    /** Creates the weights of {@code config}'s hosts, applied through {@code hypervisor}. */
    public HostCpuWeights(ControllerConfig config, Hypervisor hypervisor) {
        this.config = config;
        this.hypervisor = hypervisor;
    }

    /** Returns the weight each configured host should have with {@code vms} where they are. */
    public Map<String, Long> desired(List<VmInfo> vms) {
        Map<String, Long> shares = new HashMap<>();
        for (HostDecl h : config.hosts()) {
            shares.put(h.name(), BASE_SHARES);
        }
        for (VmInfo vm : vms) {
            if (config.isCritical(vm.spec().service()) && vm.state() == org.vmshield.hypervisor.VmState.RUNNING && shares.containsKey(vm.host())) {
                shares.merge(vm.host(), SHARES_PER_CRITICAL_VM, Long::sum);
            }
        }
        return shares;
    }

    /** Applies the weights that changed since the last call; a host that refuses is logged and retried next time. */
    public void apply(List<VmInfo> vms) {
        for (Map.Entry<String, Long> e : desired(vms).entrySet()) {
            if (e.getValue().equals(applied.get(e.getKey()))) {
                continue;
            }
            try {
                hypervisor.setHostCpuShares(e.getKey(), e.getValue());
                applied.put(e.getKey(), e.getValue());
                log.info("host {}: CPU weight {}", e.getKey(), e.getValue());
            } catch (RuntimeException ex) {
                log.warn("host {}: cannot set CPU weight {}: {}", e.getKey(), e.getValue(), ex.toString());
            }
        }
    }
}
