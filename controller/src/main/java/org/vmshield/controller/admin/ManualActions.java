package org.vmshield.controller.admin;

import java.util.Locale;
import org.vmshield.brain.migration.MigrationMode;
import org.vmshield.brain.migration.MigrationPrediction;
import org.vmshield.brain.model.FilterRule;
import org.vmshield.brain.model.MigrationOptions;
import org.vmshield.brain.model.RuleKind;
import org.vmshield.brain.plan.AddFilterRule;
import org.vmshield.brain.plan.MigrateVm;
import org.vmshield.brain.plan.RemoveFilterRule;
import org.vmshield.brain.plan.SwitchVersion;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.config.ServiceDecl;
import org.vmshield.controller.state.ControlState;
import org.vmshield.controller.state.RuleMapper;
import org.vmshield.hypervisor.Hypervisor;
import org.vmshield.hypervisor.VmInfo;
import org.vmshield.hypervisor.VmSpec;

/**
 * Turns an operator's request (migrate, switch, add or remove a rule) into a validated action.
 * Every refusal says what was expected and nothing is changed.
 */
public final class ManualActions {
    /** Downtime limit of a manual migration. */
    public static final long MANUAL_DOWNTIME_LIMIT_MILLIS = 30;
    private final ControllerConfig config;
    private final Hypervisor hypervisor;
    private final ControlState control;

    /** Creates the builder over the configuration, the hypervisor and the control state. */
    public ManualActions(ControllerConfig config, Hypervisor hypervisor, ControlState control) {
        this.config = config;
        this.hypervisor = hypervisor;
        this.control = control;
    }

    /** Returns a migration of {@code vm} to {@code host}. */
    public MigrateVm migrate(String vm, String host) {
        VmInfo v = requireVm(vm);
        if (host == null || hypervisor.hosts().stream().noneMatch(h -> h.name().equals(host))) {
            throw new BadRequestException(404, "host: " + host + " (expected: one of "
                    + hypervisor.hosts().stream().map(h -> h.name()).toList() + ")");
        }
        if (v.host().equals(host)) {
            throw new BadRequestException(400, "host: " + host + " (expected: another host than the one " + vm + " runs on)");
        }
        requireIdle(vm);
        MigrationOptions options = new MigrationOptions(config.migration().autoConverge(), config.migration().postCopy());
        MigrationPrediction none = new MigrationPrediction(MigrationMode.PRE_COPY, 0, 0, 0, 0, 0, "manual: not predicted");
        return new MigrateVm(vm, v.host(), host, options, MANUAL_DOWNTIME_LIMIT_MILLIS, none, false, "",
                "requested by an operator", "moves " + vm + " to " + host);
    }

    /** Returns a blue/green switch of {@code vm} to {@code version}, on the VM's host. */
    public SwitchVersion switchVersion(String vm, String version) {
        VmInfo v = requireVm(vm);
        ServiceDecl s = config.service(v.spec().service())
                .orElseThrow(() -> new BadRequestException(400, "vm " + vm + " serves " + v.spec().service()
                        + " (expected: a configured service)"));
        if (version == null || !s.hasVersion(version)) {
            throw new BadRequestException(400, "version: " + version + " (expected: one of "
                    + s.versions().stream().map(x -> x.version()).toList() + ")");
        }
        if (version.equals(v.spec().version())) {
            throw new BadRequestException(400, "version: " + version + " (expected: another than the running one)");
        }
        requireIdle(vm);
        String newVm = vm + "-" + version;
        try {
            new VmSpec(newVm, s.name(), version, 1, 64, v.host());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "cannot name the new VM " + newVm + ": " + e.getMessage());
        }
        if (hypervisor.inspect(newVm).isPresent()) {
            throw new BadRequestException(409, "vm " + newVm + " already exists (expected: a free name for the new VM)");
        }
        return new SwitchVersion(vm, s.name(), s.pool(), v.spec().version(), version, newVm, v.host(),
                SwitchVersion.BLUE_GREEN, "", "requested by an operator", vm + " replaced by " + newVm);
    }

    /**
     * Returns a rule to add.
     *
     * @param kind {@code block}, {@code rate-limit-source}, {@code connection-limit}, {@code rate-limit-path}
     *     or {@code in-flight-limit-path}
     * @param pool the pool it guards
     * @param match a source address or CIDR, or a path
     * @param limit the rate (req/s) or connection limit; ignored for a block
     * @param ttlSeconds how long it stays
     */
    public AddFilterRule addRule(String kind, String pool, String match, double limit, long ttlSeconds, long nowMillis) {
        RuleKind k = switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "block" -> RuleKind.BLOCK_SOURCE;
            case "rate-limit-source" -> RuleKind.RATE_LIMIT_SOURCE;
            case "connection-limit" -> RuleKind.CONNECTION_LIMIT_SOURCE;
            case "rate-limit-path" -> RuleKind.RATE_LIMIT_PATH;
            case "in-flight-limit-path" -> RuleKind.IN_FLIGHT_LIMIT_PATH;
            default -> throw new BadRequestException(400, "kind: " + kind
                    + " (expected: block, rate-limit-source, connection-limit, rate-limit-path or in-flight-limit-path)");
        };
        if (pool == null || config.services().stream().noneMatch(s -> s.pool().equals(pool))) {
            throw new BadRequestException(400, "pool: " + pool + " (expected: one of "
                    + config.services().stream().map(ServiceDecl::pool).toList() + ")");
        }
        if (match == null || match.isBlank()) {
            throw new BadRequestException(400, "match: " + match + " (expected: a source address/CIDR, or a path for rate-limit-path)");
        }
        boolean pathRule = k == RuleKind.RATE_LIMIT_PATH || k == RuleKind.IN_FLIGHT_LIMIT_PATH;
        if (pathRule && !match.startsWith("/")) {
            throw new BadRequestException(400, "match: " + match + " (expected: a path starting with / for " + kind + ")");
        }
        if (!pathRule) {
            try {
                org.vmshield.balancer.guard.rule.CidrRule.deny("check", match);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(400, "match: " + match + " (expected: a source address or CIDR such as 127.66.0.0/16)");
            }
        }
        if (k != RuleKind.BLOCK_SOURCE && !(limit > 0)) {
            throw new BadRequestException(400, "limit: " + limit + " (expected: > 0 for " + kind + ")");
        }
        if (ttlSeconds < 1 || ttlSeconds > 30L * 24 * 3600) {
            throw new BadRequestException(400, "ttlSeconds: " + ttlSeconds + " (expected: 1..2592000)");
        }
        FilterRule rule = new FilterRule("manual/" + k.name() + "/" + match, k, pool, match,
                k == RuleKind.BLOCK_SOURCE ? 0 : limit, "", nowMillis + ttlSeconds * 1000);
        try {
            RuleMapper.toGuard(rule, nowMillis);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, e.getMessage());
        }
        return new AddFilterRule(rule, "requested by an operator", "pool " + pool + ": " + kind + " " + match);
    }

    /** Returns the removal of a rule in force. */
    public RemoveFilterRule removeRule(String id) {
        FilterRule r = control.rule(id).orElseThrow(() -> new BadRequestException(404, "rule: " + id
                + " (expected: the id of a rule in force, see ctl rules)"));
        return new RemoveFilterRule(r.id(), r.pool(), r.incidentId(), "requested by an operator", "rule " + id + " removed");
    }

    private VmInfo requireVm(String vm) {
        return hypervisor.inspect(vm == null ? "" : vm).orElseThrow(() -> new BadRequestException(404, "vm: " + vm
                + " (expected: one of " + hypervisor.vms().stream().map(VmInfo::name).toList() + ")"));
    }

    private void requireIdle(String vm) {
        if (control.inFlight().stream().anyMatch(a -> a.vm().equals(vm))) {
            throw new BadRequestException(409, "vm " + vm + " already has an action in flight (expected: wait for it to end)");
        }
    }
}
