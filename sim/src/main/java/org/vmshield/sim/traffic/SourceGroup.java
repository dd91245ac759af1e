package org.vmshield.sim.traffic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sources that send alike during one tick: a service's legitimate clients, one attack, or one flash
 * crowd. Source i of the group has address {@code prefix.(i / 250).(i % 250 + 1)}.
 */
public final class SourceGroup {
    /** Most addresses a group can name (two octets). */
    public static final int MAX_ADDRESSES = 250 * 250;

    final String prefix;
    final int count;
    final double rpsEach;
    final boolean legit;
    /** Index of the path it asks for, or -1 for the service's path mix. */
    final int pathIndex;
    /** Its requests are crafted (expensive in a version vulnerable on their path). */
    final boolean crafted;
    /** The service's own clients, there before the run (only their churn is new); not an attack or a crowd. */
    final boolean resident;
    final Set<Integer> blocked = new HashSet<>();
    final Map<Integer, Double> limited = new HashMap<>();
    double offeredRps;
    double admittedRps;

    SourceGroup(String prefix, int count, double rpsEach, boolean legit, int pathIndex, boolean crafted, boolean resident) {
        this.prefix = prefix;
        this.count = count;
        this.rpsEach = rpsEach;
        this.legit = legit;
        this.pathIndex = pathIndex;
        this.crafted = crafted;
        this.resident = resident;
    }

    /** Returns the address of source {@code i}. */
    String address(int i) {
        int j = i % MAX_ADDRESSES;
        return prefix + "." + (j / 250) + "." + (j % 250 + 1);
    }

    /** Returns the index of {@code address} in this group, or -1. */
    int indexOf(String address) {
        if (!address.startsWith(prefix) || address.length() <= prefix.length() || address.charAt(prefix.length()) != '.') {
            return -1;
        }
        String[] rest = address.substring(prefix.length() + 1).split("\\.");
        if (rest.length != 2) {
            return -1;
        }
        try {
            int i = Integer.parseInt(rest[0]) * 250 + Integer.parseInt(rest[1]) - 1;
            return i >= 0 && i < Math.min(count, MAX_ADDRESSES) ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Returns the rate admitted from source {@code i} after the rules. */
    double admitted(int i) {
        if (blocked.contains(i)) {
            return 0;
        }
        Double lim = limited.get(i);
        return lim == null ? rpsEach : Math.min(rpsEach, lim);
    }

    void applyRules() {
        offeredRps = rpsEach * count;
        double refused = blocked.size() * rpsEach;
        for (Map.Entry<Integer, Double> e : limited.entrySet()) {
            if (!blocked.contains(e.getKey())) {
                refused += Math.max(0, rpsEach - e.getValue());
            }
        }
        admittedRps = Math.max(0, offeredRps - refused);
    }
}
