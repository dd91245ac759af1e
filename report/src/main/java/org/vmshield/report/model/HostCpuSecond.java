package org.vmshield.report.model;

/**
 * Records the CPU use of one host during one second of the run.
 *
 * @param second        the second of the run this sample covers
 * @param host          the host's name
 * @param usedCores     cores in use on average during that second
 * @param capacityCores the host's capacity in cores
 */
public record HostCpuSecond(int second, String host, double usedCores, double capacityCores) {

    /** Validates the sample: a named host, non-negative figures, a positive capacity. */
    public HostCpuSecond {
        Checks.nonNegative("second", second);
        Checks.text("host", host);
        Checks.nonNegative("usedCores", usedCores);
        Checks.nonNegative("capacityCores", capacityCores);
        if (capacityCores == 0) {
            throw new IllegalArgumentException("host " + host + ": capacityCores: 0 (expected: > 0)");
        }
    }
}
