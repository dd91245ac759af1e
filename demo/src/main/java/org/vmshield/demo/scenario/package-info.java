/**
 * What the demo builds and sends: {@link org.vmshield.demo.scenario.DemoTopology} (the paper's
 * topology as a controller configuration), {@link org.vmshield.demo.scenario.Timeline} (when the
 * attack starts and ends), {@link org.vmshield.demo.scenario.LoadSizing} (the load plan) and
 * {@link org.vmshield.demo.scenario.DemoSettings} (one run's options).
 */
package org.vmshield.demo.scenario;
