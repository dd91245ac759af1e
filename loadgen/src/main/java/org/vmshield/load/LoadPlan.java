package org.vmshield.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vmshield.load.attack.AttackProfile;

/**
 * Everything a load run does: the services and their legitimate traffic, the attacks, the sources,
 * the bounds. Immutable and validated on construction; build one with {@link #builder()}.
 *
 * @param services the targets, at least one, distinct names
 * @param durationMillis how long load is generated, &gt; 0 (in-flight requests then finish or time out)
 * @param legitSourcesPerService how many distinct 127.1.x.y addresses send each service's legitimate traffic
 * @param legitRange where legitimate (and flash-crowd) sources come from
 * @param attackRange where attack sources come from
 * @param attacks the attacks, each within the run
 * @param requestTimeoutMillis the deadline of a request, counted from its scheduled send time
 * @param connectTimeoutMillis the deadline of a TCP connect
 * @param maxOutstanding the bound on requests in flight; a request over it counts as LOCAL_LIMIT failure
 * @param maxRequests the bound on requests scheduled in the whole run (a safety stop)
 * @param seed the seed of every random choice (arrivals, paths, sources)
 */
public record LoadPlan(
        List<ServiceTarget> services,
        long durationMillis,
        int legitSourcesPerService,
        SourceRange legitRange,
        SourceRange attackRange,
        List<AttackSpec> attacks,
        long requestTimeoutMillis,
        long connectTimeoutMillis,
        int maxOutstanding,
        long maxRequests,
        long seed) {

    /** Default legitimate sources per service. */
    public static final int DEFAULT_LEGIT_SOURCES = 100;
    /** Default request timeout. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 2_000;
    /** Default connect timeout. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 1_000;
    /** Default bound on outstanding requests (each holds one connection; the fd limit matters). */
    public static final int DEFAULT_MAX_OUTSTANDING = 4_096;
    /** Default bound on requests per run. */
    public static final long DEFAULT_MAX_REQUESTS = 5_000_000;
    /** The longest run accepted: one day. */
    public static final long MAX_DURATION_MILLIS = 86_400_000;

    /** Validates every field and the attacks against the services and the duration. */
    public LoadPlan {
        if (services == null || services.isEmpty()) {
            throw new IllegalArgumentException("services: none (expected: at least one target)");
        }
        services = List.copyOf(services);
        attacks = attacks == null ? List.of() : List.copyOf(attacks);
        Set<String> names = new HashSet<>();
        for (ServiceTarget s : services) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("service " + s.name() + ": given twice (expected: distinct names)");
            }
        }
        if (durationMillis <= 0 || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(
                    "durationMillis: " + durationMillis + " (expected: > 0 and <= " + MAX_DURATION_MILLIS + ")");
        }
        if (legitRange == null || attackRange == null) {
            throw new IllegalArgumentException("source ranges: null (expected: CIDR blocks in 127.0.0.0/8)");
        }
        if (legitSourcesPerService <= 0 || (long) legitSourcesPerService * services.size() > legitRange.size() / 2) {
            throw new IllegalArgumentException("legitSourcesPerService: " + legitSourcesPerService
                    + " (expected: > 0 and all services together within the lower half of " + legitRange + ")");
        }
        if (requestTimeoutMillis <= 0) {
            throw new IllegalArgumentException("requestTimeoutMillis: " + requestTimeoutMillis + " (expected: > 0)");
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connectTimeoutMillis: " + connectTimeoutMillis + " (expected: > 0)");
        }
        if (maxOutstanding <= 0) {
            throw new IllegalArgumentException("maxOutstanding: " + maxOutstanding + " (expected: > 0)");
        }
        if (maxRequests <= 0) {
            throw new IllegalArgumentException("maxRequests: " + maxRequests + " (expected: > 0)");
        }
        for (AttackSpec a : attacks) {
            if (!names.contains(a.service())) {
                throw new IllegalArgumentException(
                        "attack service: " + a.service() + " (expected: one of " + names + ")");
            }
            if (a.endMillis() > durationMillis) {
                throw new IllegalArgumentException("attack " + a.profile().name() + " ends at " + a.endMillis()
                        + " ms (expected: <= the run's durationMillis " + durationMillis + ")");
            }
            a.profile().validate(names);
        }
        long attackSources = attacks.stream().mapToLong(a -> a.profile().sourcesNeeded()).sum();
        if (attackSources > attackRange.size()) {
            throw new IllegalArgumentException("attack sources: " + attackSources
                    + " in all (expected: <= " + attackRange.size() + ", the size of " + attackRange + ")");
        }
    }

    /** Returns a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the target named {@code name}, or throws IllegalArgumentException. */
    public ServiceTarget service(String name) {
        for (ServiceTarget s : services) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("service: " + name + " (expected: one of the plan's targets)");
    }

    /** Builds a {@link LoadPlan}; every value is validated by {@link #build()}. */
    public static final class Builder {
        private final List<ServiceTarget> services = new ArrayList<>();
        private final List<AttackSpec> attacks = new ArrayList<>();
        private long durationMillis = 10_000;
        private int legitSources = DEFAULT_LEGIT_SOURCES;
        private SourceRange legitRange = SourceRange.LEGIT;
        private SourceRange attackRange = SourceRange.ATTACK;
        private long requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
        private long connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private int maxOutstanding = DEFAULT_MAX_OUTSTANDING;
        private long maxRequests = DEFAULT_MAX_REQUESTS;
        private long seed = 1;

        private Builder() {}

        /** Adds a target. */
        public Builder service(ServiceTarget target) {
            services.add(target);
            return this;
        }

        /** Adds a target with the root path only. */
        public Builder service(String name, String baseUrl, double legitRateRps) {
            return service(ServiceTarget.of(name, baseUrl, legitRateRps));
        }

        /** Sets how long load is generated. */
        public Builder durationMillis(long millis) {
            this.durationMillis = millis;
            return this;
        }

        /** Sets the distinct legitimate sources per service. */
        public Builder legitSourcesPerService(int count) {
            this.legitSources = count;
            return this;
        }

        /** Sets the source blocks of legitimate and attack traffic. */
        public Builder sourceRanges(SourceRange legit, SourceRange attack) {
            this.legitRange = legit;
            this.attackRange = attack;
            return this;
        }

        /** Adds an attack. */
        public Builder attack(AttackSpec attack) {
            attacks.add(attack);
            return this;
        }

        /** Adds an attack that starts at {@code startMillis} and lasts {@code durationMillis}. */
        public Builder attack(AttackProfile profile, String service, long startMillis, long durationMillis) {
            return attack(new AttackSpec(profile, service, startMillis, durationMillis));
        }

        /** Sets the request deadline, counted from the scheduled send time. */
        public Builder requestTimeoutMillis(long millis) {
            this.requestTimeoutMillis = millis;
            return this;
        }

        /** Sets the connect deadline. */
        public Builder connectTimeoutMillis(long millis) {
            this.connectTimeoutMillis = millis;
            return this;
        }

        /** Sets the bound on requests in flight. */
        public Builder maxOutstanding(int count) {
            this.maxOutstanding = count;
            return this;
        }

        /** Sets the bound on requests per run. */
        public Builder maxRequests(long count) {
            this.maxRequests = count;
            return this;
        }

        /** Sets the seed of every random choice. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Returns the validated plan; throws IllegalArgumentException naming the first bad value. */
        public LoadPlan build() {
            return new LoadPlan(services, durationMillis, legitSources, legitRange, attackRange, attacks,
                    requestTimeoutMillis, connectTimeoutMillis, maxOutstanding, maxRequests, seed);
        }
    }
}
