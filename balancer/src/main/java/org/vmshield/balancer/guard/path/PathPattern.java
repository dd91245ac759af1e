package org.vmshield.balancer.guard.path;

/**
 * Matches a request path against a prefix ({@code /api/}) or a glob ({@code /search/*},
 * {@code /static/**}, {@code /item/?}) without allocating: {@code *} matches any run of
 * characters but {@code /}, {@code **} any run including {@code /}, {@code ?} one character but
 * {@code /}. A glob must match the whole path.
 */
public final class PathPattern {
    /** Longest prefix or pattern accepted. */
    public static final int MAX_LENGTH = 512;
    /** Most wildcards accepted in a pattern; bounds the backtracking. */
    public static final int MAX_WILDCARDS = 8;

    private final String text;
    private final boolean glob;

    private PathPattern(String text, boolean glob) {
        this.text = text;
        this.glob = glob;
    }

    /**
     * Returns the pattern for exactly one of {@code prefix} and {@code pattern}.
     *
     * @throws IllegalArgumentException naming the field when both or neither is given, or when
     *     one does not start with {@code /}
     */
    public static PathPattern of(String prefix, String pattern) {
        if ((prefix == null) == (pattern == null)) {
            throw new IllegalArgumentException("prefix/pattern: "
                    + (prefix == null ? "both missing" : "both given")
                    + " (expected: exactly one of prefix, e.g. /api/, or pattern, e.g. /search/*)");
        }
        String field = prefix != null ? "prefix" : "pattern";
        String t = prefix != null ? prefix : pattern;
        if (t.isEmpty() || t.charAt(0) != '/' || t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + ": \"" + t + "\" (expected: starts with / and at most "
                    + MAX_LENGTH + " characters)");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(
                        field + ": \"" + t + "\" (expected: no spaces or control characters)");
            }
        }
        if (pattern != null) {
            int wildcards = 0;
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '*' || t.charAt(i) == '?') {
                    wildcards++;
                }
            }
            if (wildcards > MAX_WILDCARDS) {
                throw new IllegalArgumentException("pattern: \"" + t + "\" (expected: at most " + MAX_WILDCARDS
                        + " wildcards)");
            }
        }
        return new PathPattern(t, pattern != null);
    }

    /** Returns a prefix pattern. */
    public static PathPattern prefix(String prefix) {
        return of(prefix, null);
    }

    /** Returns a glob pattern. */
    public static PathPattern glob(String pattern) {
        return of(null, pattern);
    }

    /** Returns true when {@code path} (without the query) matches. */
    public boolean matches(String path) {
        if (path == null) {
            return false;
        }
        return glob ? globMatch(0, path, 0) : path.startsWith(text);
    }

    private boolean globMatch(int pi, String s, int si) {
        String p = text;
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                boolean any = pi + 1 < p.length() && p.charAt(pi + 1) == '*';
                int next = any ? pi + 2 : pi + 1;
                if (next == p.length()) {
                    return any || s.indexOf('/', si) < 0;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (globMatch(next, s, k)) {
                        return true;
                    }
                    if (k < s.length() && !any && s.charAt(k) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char sc = s.charAt(si);
            if (c == '?' ? sc == '/' : c != sc) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** Returns true for a glob, false for a prefix. */
    public boolean isGlob() {
        return glob;
    }

    @Override
    public String toString() {
        return (glob ? "pattern " : "prefix ") + text;
    }
}
