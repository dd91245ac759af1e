/**
 * The running part: {@link org.vmshield.load.engine.LoadEngine} wires a run on one Netty event
 * loop; {@code StreamDriver} sends open-loop request streams through {@code RequestDispatcher}
 * (keep-alive pools per source, deadlines, the outstanding bound) and {@code ExchangeHandler};
 * {@code ConnectionHolder} runs conn-flood and slowloris.
 */
package org.vmshield.load.engine;
