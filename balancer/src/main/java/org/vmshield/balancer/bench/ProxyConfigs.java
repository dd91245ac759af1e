package org.vmshield.balancer.bench;

import java.nio.file.Path;

/**
 * The configurations of the benchmark's processes, equivalent where it matters: one worker or
 * thread per proxy, keep-alive on both sides with pooled backend connections, no access log, the
 * same backend.
 */
final class ProxyConfigs {
    /** Body the backend answers with. */
    static final String BODY = "hello from the vmshield benchmark backend\n";

    private ProxyConfigs() {}

    /** Returns nginx.conf of the backend: one worker answering every request with {@link #BODY}. */
    static String nginxBackend(Path dir, int port) {
        return nginxCommon(dir) + "http {\n"
                + "  access_log off;\n"
                + "  keepalive_requests 10000000;\n"
                + "  " + tempPaths(dir) + "\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    location / { default_type text/plain; return 200 \"" + BODY.replace("\n", "\\n") + "\"; }\n"
                + "  }\n"
                + "}\n";
    }

    /** Returns nginx.conf of nginx as a reverse proxy to the backend. */
    static String nginxProxy(Path dir, int port, int backendPort) {
        return nginxCommon(dir) + "http {\n"
                + "  access_log off;\n"
                + "  keepalive_requests 10000000;\n"
                + "  " + tempPaths(dir) + "\n"
                + "  upstream backend { server 127.0.0.1:" + backendPort + "; keepalive 64; keepalive_requests 10000000; }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    location / {\n"
                + "      proxy_pass http://backend;\n"
                + "      proxy_http_version 1.1;\n"
                + "      proxy_set_header Connection \"\";\n"
                + "      proxy_set_header X-Forwarded-For $remote_addr;\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private static String nginxCommon(Path dir) {
        return "worker_processes 1;\n"
                + "daemon off;\n"
                + "master_process on;\n"
                + "pid " + dir + "/nginx.pid;\n"
                + "error_log stderr warn;\n"
                + "events { worker_connections 8192; }\n";
    }

    private static String tempPaths(Path dir) {
        return "client_body_temp_path " + dir + "/body; proxy_temp_path " + dir + "/proxy; fastcgi_temp_path " + dir
                + "/fastcgi; uwsgi_temp_path " + dir + "/uwsgi; scgi_temp_path " + dir + "/scgi;";
    }

    /** Returns haproxy.cfg: one thread, HTTP mode, keep-alive, backend connections reused. */
    static String haproxy(int port, int backendPort) {
        return "global\n"
                + "  nbthread 1\n"
                + "  maxconn 4096\n"
                + "defaults\n"
                + "  mode http\n"
                + "  timeout connect 2s\n"
                + "  timeout client 30s\n"
                + "  timeout server 30s\n"
                + "  option http-keep-alive\n"
                + "  option forwardfor\n"
                + "frontend bench\n"
                + "  bind 127.0.0.1:" + port + "\n"
                + "  default_backend backend\n"
                + "backend backend\n"
                + "  http-reuse always\n"
                + "  server s1 127.0.0.1:" + backendPort + "\n";
    }

    /** Returns the vmshield balancer YAML: one listener, one pool with the backend, one I/O thread. */
    static String vmshield(int backendPort, boolean withRules) {
        String yaml = "ioThreads: 1\n"
                + "listeners:\n"
                + "  - {name: bench, bind: 127.0.0.1, port: 0, pool: bench}\n"
                + "pools:\n"
                + "  - name: bench\n"
                + "    service: bench\n"
                + "    backends:\n"
                + "      - {id: nginx, address: \"127.0.0.1:" + backendPort + "\", weight: 1}\n"
                + "admin: {bind: 127.0.0.1, port: 0}\n"
                + "limits: {maxConnectionsPerSource: 100000}\n";
        if (withRules) {
            yaml += "guards:\n"
                    + "  - {type: sourceRate, id: bench-per-source, rateRps: 1000000, burst: 1000000}\n";
        }
        return yaml;
    }
}
