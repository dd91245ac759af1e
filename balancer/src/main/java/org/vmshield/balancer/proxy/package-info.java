/**
 * The data plane (Netty): HTTP/1.1 reverse proxy and L4 TCP proxy. Start at
 * {@link org.vmshield.balancer.proxy.ProxyListener}; the pipeline order is in
 * {@code HttpListenerInitializer} (caps, timeouts, codec, expect-continue, guard, proxy); the
 * exchange state machine is {@code HttpProxyHandler}, its backend side {@code HttpBackendHandler}.
 * Both sides of a proxied connection run on one event loop, with auto-read off (backpressure).
 */
package org.vmshield.balancer.proxy;
