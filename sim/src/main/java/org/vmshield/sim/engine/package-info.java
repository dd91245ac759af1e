/**
 * The discrete-event core: simulated time and an ordered queue of events. No wall clock.
 * Start at {@link org.vmshield.sim.engine.EventQueue}.
 */
package org.vmshield.sim.engine;
