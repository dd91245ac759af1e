package org.vmshield.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A weighted choice of request paths, such as {@code /=8,/search?q=x=1}: each request picks a path
 * with probability weight / total weight.
 *
 * @param entries the paths and their weights, at least one
 */
public record PathMix(List<Entry> entries) {
    /** Only the root path. */
    public static final PathMix ROOT = of("/");

    /**
     * One path and its weight.
     *
     * @param path the request target, starting with "/" (a query string is allowed)
     * @param weight how often to pick it relative to the others, &gt; 0
     */
    public record Entry(String path, double weight) {
        /** Validates the path and the weight. */
        public Entry {
            if (path == null || !path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                throw new IllegalArgumentException(
                        "path: " + path + " (expected: starts with / and has no spaces or control characters)");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + path + ": " + weight + " (expected: > 0)");
            }
        }
    }

    /** Validates that there is at least one entry. */
    public PathMix {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("path mix: empty (expected: at least one path)");
        }
        entries = List.copyOf(entries);
    }

    /** Returns a mix of one path. */
    public static PathMix of(String path) {
        return new PathMix(List.of(new Entry(path, 1)));
    }

    /**
     * Parses {@code path=weight,path=weight}; the weight is after the LAST '=' of each item, so
     * {@code /search?q=x=1} is the path {@code /search?q=x} with weight 1. A bare path has weight 1.
     */
    public static PathMix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("path mix: empty (expected: path=weight[,path=weight...])");
        }
        List<Entry> list = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.trim();
            int eq = s.lastIndexOf('=');
            String path = s;
            double weight = 1;
            if (eq > 0) {
                try {
                    weight = Double.parseDouble(s.substring(eq + 1));
                    path = s.substring(0, eq);
                } catch (NumberFormatException e) {
                    path = s; // the '=' belongs to the query string: no weight given
                }
            }
            list.add(new Entry(path, weight));
        }
        return new PathMix(list);
    }

    /** Returns a path drawn by weight with {@code random}. */
    public String pick(Random random) {
        if (entries.size() == 1) {
            return entries.get(0).path();
        }
        double total = 0;
        for (Entry e : entries) {
            total += e.weight();
        }
        double x = random.nextDouble() * total;
        for (Entry e : entries) {
            x -= e.weight();
            if (x < 0) {
                return e.path();
            }
        }
        return entries.get(entries.size() - 1).path();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(e.path()).append('=').append(e.weight());
        }
        return b.toString();
    }
}
