/**
 * The controller heap benchmark (issue 2's target "controller heap for 20 VMs <= 128 MiB"): a
 * real controller managing real QEMU VMs runs in a child JVM with a capped heap
 * ({@link org.vmshield.bench.controller.ControllerUnderTest}); the parent
 * ({@link org.vmshield.bench.controller.ControllerHeapBench}) boots it, sends light legitimate load
 * through its balancer, shows progress and collects the heap figures it reports. Start at
 * {@link org.vmshield.bench.controller.ControllerHeapBench}.
 */
package org.vmshield.bench.controller;
