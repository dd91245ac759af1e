package org.vmshield.balancer.guard.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmshield.balancer.guard.cidr.CidrBlock;

/**
 * Allows or denies sources by address block (IPv4 and IPv6). Among all CIDR rules the longest
 * matching prefix decides. {@code allow} exempts the source from the per-source limits;
 * {@code deny} refuses it ({@code refuse}: {@code close}, the default, at connection time, or
 * {@code 403} for each request).
 *
 * @param id rule id
 * @param action {@code allow} or {@code deny}
 * @param cidrs the address blocks, e.g. {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7}
 * @param refuse for {@code deny}: {@code close} (default) or {@code 403}
 * @param ttlSeconds optional time to live
 */
public record CidrRule(String id, String action, List<String> cidrs, RefuseAction refuse, Long ttlSeconds)
        implements GuardRule {
    public static final String TYPE = "cidr";
    /** Most blocks accepted in one rule. */
    public static final int MAX_CIDRS = 1_000_000;

    public CidrRule {
        RuleChecks.id(id);
        String a = action == null ? null : action.trim().toLowerCase(Locale.ROOT);
        if (!"allow".equals(a) && !"deny".equals(a)) {
            throw new IllegalArgumentException(
                    "rule " + id + ": action: " + RuleChecks.quote(action) + " (expected: allow or deny)");
        }
        action = a;
        if (cidrs == null || cidrs.isEmpty() || cidrs.size() > MAX_CIDRS) {
            throw new IllegalArgumentException("rule " + id + ": cidrs: "
                    + (cidrs == null ? "missing" : cidrs.size() + " blocks")
                    + " (expected: 1.." + MAX_CIDRS + " blocks such as 10.0.0.0/8)");
        }
        List<String> normalized = new ArrayList<>(cidrs.size());
        for (int i = 0; i < cidrs.size(); i++) {
            try {
                normalized.add(CidrBlock.parse(cidrs.get(i)).toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + id + ": cidrs[" + i + "]: " + e.getMessage(), e);
            }
        }
        cidrs = List.copyOf(normalized);
        if ("allow".equals(action)) {
            if (refuse != null) {
                throw new IllegalArgumentException(
                        "rule " + id + ": refuse: " + refuse.jsonName() + " (expected: absent for action allow)");
            }
        } else {
            refuse = RuleChecks.refuse(refuse, RefuseAction.CLOSE);
            if (refuse == RefuseAction.STATUS_429) {
                throw new IllegalArgumentException(
                        "rule " + id + ": refuse: 429 (expected: close or 403 for a CIDR deny)");
            }
        }
        RuleChecks.ttlSeconds(id, ttlSeconds);
    }

    /** Returns a deny rule for the given blocks, closing connections. */
    public static CidrRule deny(String id, String... cidrs) {
        return new CidrRule(id, "deny", List.of(cidrs), RefuseAction.CLOSE, null);
    }

    /** Returns an allow rule for the given blocks. */
    public static CidrRule allow(String id, String... cidrs) {
        return new CidrRule(id, "allow", List.of(cidrs), null, null);
    }

    /** Returns true for an allow rule. */
    public boolean allows() {
        return "allow".equals(action);
    }

    @Override
    public CidrRule withTtlSeconds(Long ttl) {
        return new CidrRule(id, action, cidrs, refuse, ttl);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
