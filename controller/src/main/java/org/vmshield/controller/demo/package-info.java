/**
 * The demo: the paper's scenario run live and measured. Start at
 * {@link org.vmshield.controller.demo.DemoRunner}, which boots the topology, drives load and
 * attack through the load generator, and returns the report module's {@code RunRecord}.
 */
package org.vmshield.controller.demo;
