package org.vmshield.brain.incident;

/**
 * What an incident is about. Fields that do not apply are empty strings (never null), so a target
 * can be compared and printed without checks.
 *
 * @param pool balancer pool (service's listener), or empty
 * @param service service, or empty
 * @param backend backend id inside the pool (by convention the VM's name), or empty
 * @param vm VM, or empty
 * @param host host, or empty
 */
public record IncidentTarget(String pool, String service, String backend, String vm, String host) {
    public IncidentTarget {
        pool = pool == null ? "" : pool;
        service = service == null ? "" : service;
        backend = backend == null ? "" : backend;
        vm = vm == null ? "" : vm;
        host = host == null ? "" : host;
    }

    /** Returns the target of a whole pool. */
    public static IncidentTarget pool(String pool, String service) {
        return new IncidentTarget(pool, service, "", "", "");
    }

    /** Returns the target of one backend of a pool (its VM named like the backend). */
    public static IncidentTarget backend(String pool, String service, String backend) {
        return new IncidentTarget(pool, service, backend, backend, "");
    }

    /** Returns the target of a VM on a host. */
    public static IncidentTarget vm(String vm, String host, String service, String pool) {
        return new IncidentTarget(pool, service, pool == null || pool.isEmpty() ? "" : vm, vm, host);
    }

    /**
     * Returns a stable key, e.g. {@code pool=web,backend=vm1}: the non-empty parts that identify the
     * target (the service is implied by the pool, the host by the VM).
     */
    public String key() {
        StringBuilder b = new StringBuilder(32);
        append(b, "pool", pool);
        append(b, "backend", backend);
        if (!vm.equals(backend)) {
            append(b, "vm", vm);
        }
        if (pool.isEmpty() && backend.isEmpty() && vm.isEmpty()) {
            append(b, "service", service);
            append(b, "host", host);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (!value.isEmpty()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(name).append('=').append(value);
        }
    }

    @Override
    public String toString() {
        return key();
    }
}
