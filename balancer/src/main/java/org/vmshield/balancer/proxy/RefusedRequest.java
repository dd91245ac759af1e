package org.vmshield.balancer.proxy;

import io.netty.handler.codec.http.HttpRequest;
import org.vmshield.balancer.guard.Verdict;

/**
 * A request head the guard stage refused, passed on so that the proxy answers it in order;
 * {@code close} when the connection itself was refused (answer, then close).
 */
record RefusedRequest(HttpRequest request, Verdict verdict, boolean close) {}
