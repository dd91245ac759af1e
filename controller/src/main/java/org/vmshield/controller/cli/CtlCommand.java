package org.vmshield.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vmshield ctl ...}: asks a running controller (its admin API) what it sees, or to act:
 * {@code hosts}, {@code vms}, {@code incidents}, {@code actions}, {@code rules},
 * {@code migrate VM HOST}, {@code switch VM VERSION}, {@code rule add ...}, {@code rule rm ID}.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
        description = "Talks to a running controller's admin API.",
        subcommands = {
            CtlCommand.Hosts.class, CtlCommand.Vms.class, CtlCommand.Incidents.class, CtlCommand.Actions.class,
            CtlCommand.Rules.class, CtlCommand.Migrate.class, CtlCommand.Switch.class, CtlCommand.Rule.class,
        })
public final class CtlCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand (expected: hosts, vms, incidents, actions, rules, migrate, switch, rule)");
    }

    /** Options every ctl subcommand takes. */
    static final class Connection {
        @Option(names = "--admin", paramLabel = "URL", defaultValue = "http://127.0.0.1:9700",
                description = "Controller admin API (default: ${DEFAULT-VALUE}).")
        String admin;

        @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:VMSHIELD_TOKEN}",
                description = "Bearer token (default: $VMSHIELD_TOKEN).")
        String token;
    }

    /** Sends one request and prints the answer; a 4xx/5xx prints the error and exits 1. */
    static int call(CommandSpec spec, Connection c, String method, String path, String body) {
        AdminClient.Answer a;
        try {
            a = new AdminClient(c.admin, c.token).send(method, path, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        if (a.status() >= 400) {
            String msg = a.body();
            try {
                msg = JSON.readTree(a.body()).path("error").asText(a.body());
            } catch (java.io.IOException ignored) {
                // Not JSON: print as is.
            }
            spec.commandLine().getErr().println("error (" + a.status() + "): " + msg);
            return 1;
        }
        spec.commandLine().getOut().println(a.body());
        return 0;
    }

    /** A read-only subcommand: GETs one admin API path and prints the answer. */
    abstract static class Listing implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection c;

        abstract String path();

        @Override
        public Integer call() {
            return CtlCommand.call(spec, c, "GET", path(), null);
        }
    }

    @Command(name = "hosts", mixinStandardHelpOptions = true, description = "Lists the hosts and their use.")
    static final class Hosts extends Listing {
        @Override
        String path() {
            return "/hosts";
        }
    }

    @Command(name = "vms", mixinStandardHelpOptions = true, description = "Lists the VMs.")
    static final class Vms extends Listing {
        @Override
        String path() {
            return "/vms";
        }
    }

    @Command(name = "incidents", mixinStandardHelpOptions = true, description = "Lists the active incidents.")
    static final class Incidents extends Listing {
        @Override
        String path() {
            return "/incidents";
        }
    }

    @Command(name = "actions", mixinStandardHelpOptions = true, description = "Lists the actions running and recently ended.")
    static final class Actions extends Listing {
        @Override
        String path() {
            return "/actions";
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists the filter rules in force.")
    static final class Rules extends Listing {
        @Override
        String path() {
            return "/rules";
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Live-migrates a VM to another host.")
    static final class Migrate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection c;
        @Parameters(index = "0", paramLabel = "VM") String vm;
        @Parameters(index = "1", paramLabel = "HOST") String host;

        @Override
        public Integer call() {
            ObjectNode b = JSON.createObjectNode().put("vm", vm).put("host", host);
            return CtlCommand.call(spec, c, "POST", "/migrate", b.toString());
        }
    }

    @Command(name = "switch", mixinStandardHelpOptions = true, description = "Switches a VM to another version (blue/green).")
    static final class Switch implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection c;
        @Parameters(index = "0", paramLabel = "VM") String vm;
        @Parameters(index = "1", paramLabel = "VERSION") String version;

        @Override
        public Integer call() {
            ObjectNode b = JSON.createObjectNode().put("vm", vm).put("version", version);
            return CtlCommand.call(spec, c, "POST", "/switch", b.toString());
        }
    }

    @Command(name = "rule", mixinStandardHelpOptions = true, description = "Adds or removes a filter rule.",
            subcommands = {CtlCommand.RuleAdd.class, CtlCommand.RuleRm.class})
    static final class Rule implements Runnable {
        @Spec CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing subcommand (expected: add or rm)");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a filter rule.")
    static final class RuleAdd implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection c;
        @Parameters(index = "0", paramLabel = "KIND", description = "block, rate-limit-source, connection-limit, rate-limit-path or in-flight-limit-path")
        String kind;
        @Parameters(index = "1", paramLabel = "MATCH", description = "source address/CIDR, or a path for the path limits")
        String match;
        @Option(names = "--pool", required = true, description = "Pool the rule guards.") String pool;
        @Option(names = "--limit", defaultValue = "0", description = "Rate (req/s), connection limit, or requests in flight.") double limit;
        @Option(names = "--ttl", defaultValue = "300", description = "Seconds the rule stays (default: ${DEFAULT-VALUE}).")
        long ttlSeconds;

        @Override
        public Integer call() {
            ObjectNode b = JSON.createObjectNode().put("kind", kind).put("pool", pool).put("match", match)
                    .put("limit", limit).put("ttlSeconds", ttlSeconds);
            return CtlCommand.call(spec, c, "POST", "/rules", b.toString());
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Removes a filter rule by id (see ctl rules).")
    static final class RuleRm implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection c;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return CtlCommand.call(spec, c, "DELETE", "/rules/"
                    + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8), null);
        }
    }
}
