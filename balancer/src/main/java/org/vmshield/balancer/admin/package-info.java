/**
 * The admin HTTP/JSON API on its own port: {@link org.vmshield.balancer.admin.AdminServer};
 * the routes are listed on {@code AdminHandler}. Bearer token when configured (required off loopback).
 */
package org.vmshield.balancer.admin;
