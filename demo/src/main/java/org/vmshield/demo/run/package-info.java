/**
 * Runs the demo: {@link org.vmshield.demo.run.DemoRunner} builds the topology with real QEMU VMs,
 * the balancer and the controller, drives the load, shows {@link org.vmshield.demo.run.LiveMonitor}'s
 * status line each second and tears everything down with {@link org.vmshield.controller.lifecycle.Teardown},
 * also on Ctrl-C. {@link org.vmshield.demo.run.RecordingHypervisor} keeps the figures the report needs
 * (usage samples, migration results).
 */
package org.vmshield.demo.run;
