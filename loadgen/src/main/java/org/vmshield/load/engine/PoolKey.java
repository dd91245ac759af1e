package org.vmshield.load.engine;

import java.net.InetAddress;

/**
 * Identifies the keep-alive connections one source holds to one service.
 *
 * @param source the bound client address, or {@code null} when not bound
 * @param service the service name
 */
record PoolKey(InetAddress source, String service) {}
