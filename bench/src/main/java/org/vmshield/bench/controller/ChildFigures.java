package org.vmshield.bench.controller;

/**
 * What the controller under test measured on itself, reported at the end of its steady phase.
 *
 * @param vmsConfigured VMs the controller was configured with
 * @param vmsRunning VMs running at the end of the steady phase
 * @param network "bridge" or "user"
 * @param bootSeconds from the first boot to the last VM serving
 * @param bootRetries boots that failed and were tried again
 * @param steadySeconds length of the steady phase
 * @param jvmMaxHeapMiB the heap limit the JVM ran with
 * @param collectors the JVM's garbage collectors
 * @param usedAfterBootMiB used heap after a full GC once every VM served
 * @param usedAfterFullGcMaxMiB the largest used heap after a full GC during the steady phase
 * @param usedAfterFullGcEndMiB used heap after a full GC at the end of the steady phase
 * @param fullGcs full GCs the benchmark asked for during the steady phase
 * @param peakUsedMiB the largest used heap seen over the whole run (boot included)
 * @param peakCommittedMiB the largest committed heap seen
 * @param collections garbage collections over the whole run
 * @param rssMiB resident memory of the controller's process at the end ({@code VmRSS})
 * @param rssPeakMiB its peak resident memory ({@code VmHWM})
 * @param ticks control-loop ticks run
 * @param failedTicks ticks that threw
 * @param lastError the last tick failure, empty when none
 * @param outOfMemoryErrors OutOfMemoryErrors seen (in ticks or any thread)
 */
public record ChildFigures(int vmsConfigured, int vmsRunning, String network, double bootSeconds, int bootRetries,
        double steadySeconds,
        double jvmMaxHeapMiB, String collectors, double usedAfterBootMiB, double usedAfterFullGcMaxMiB,
        double usedAfterFullGcEndMiB, int fullGcs, double peakUsedMiB, double peakCommittedMiB, long collections,
        double rssMiB, double rssPeakMiB, long ticks, long failedTicks, String lastError, int outOfMemoryErrors) {}
