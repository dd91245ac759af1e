package org.vmshield.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.balancer.Balancer;
import org.vmshield.brain.Brain;
import org.vmshield.controller.Controller;
import org.vmshield.controller.cli.CtlCommand;
import org.vmshield.controller.config.AdminDecl;
import org.vmshield.controller.config.ControllerConfig;
import org.vmshield.controller.journal.Journal;
import org.vmshield.controller.testing.FakeHypervisor;
import org.vmshield.controller.testing.Fixtures;
import picocli.CommandLine;

class AdminServerTest {
    private static final String TOKEN = "0123456789abcdef-token";
    @TempDir Path dir;
    private FakeHypervisor hv;
    private Balancer balancer;
    private Journal journal;
    private Controller controller;
    private AdminServer admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        ControllerConfig config = Fixtures.config(dir);
        hv = Fixtures.hypervisor(config);
        balancer = Fixtures.balancer(config);
        journal = Journal.open(config.journal());
        controller = new Controller(config, hv, balancer, journal, Brain.withDefaults(), true, System::currentTimeMillis);
        controller.prepare();
        admin = new AdminServer(controller, new AdminDecl("127.0.0.1", 0, TOKEN)).start();
    }

    @AfterEach
    void tearDown() {
        admin.close();
        controller.close();
        balancer.close();
        hv.close();
        journal.close();
    }

    @Test
    void listsVmsAndHosts() throws Exception {
        HttpResponse<String> vms = send("GET", "/vms", null, TOKEN);
        assertThat(vms.statusCode()).isEqualTo(200);
        assertThat(vms.body()).contains("\"web-1\"").contains("\"crit-1\"").contains("\"small\"");
        assertThat(send("GET", "/hosts", null, TOKEN).body()).contains("\"spare\"");
    }

    @Test
    void refusesRequestsWithoutTheToken() throws Exception {
        HttpResponse<String> r = send("GET", "/vms", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("expected: Authorization: Bearer TOKEN");
        assertThat(send("GET", "/vms", null, "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesBadInputAndChangesNothing() throws Exception {
        HttpResponse<String> r = send("POST", "/migrate", "{\"vm\":\"web-1\",\"host\":\"mars\"}", TOKEN);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("host: mars (expected: one of [small, big, spare])");
        assertThat(send("POST", "/migrate", "{\"vm\":\"web-1\",\"host\":\"small\"}", TOKEN).body())
                .contains("expected: another host");
        assertThat(send("POST", "/switch", "{\"vm\":\"web-1\",\"version\":\"v7\"}", TOKEN).body())
                .contains("version: v7 (expected: one of [v1, v2])");
        assertThat(send("POST", "/rules", "{\"kind\":\"nuke\",\"pool\":\"web\",\"match\":\"1.2.3.4\"}", TOKEN).body())
                .contains("expected: block, rate-limit-source, connection-limit, rate-limit-path or in-flight-limit-path");
        assertThat(send("POST", "/rules", "{\"kind\":\"block\",\"pool\":\"web\",\"match\":\"not-an-ip\"}", TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/migrate", "not json", TOKEN).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/nothing", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/rules/none", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(hv.inspect("web-1").orElseThrow().host()).isEqualTo("small");
        assertThat(balancer.rules()).isEmpty();
        assertThat(journal.recentActions(10)).isEmpty();
    }

    @Test
    void migratesAndManagesRulesThroughTheCtlCommand() {
        String url = "http://127.0.0.1:" + admin.port();
        Run migrate = ctl("migrate", "web-1", "big", "--admin", url, "--token", TOKEN);
        assertThat(migrate.exit).isZero();
        assertThat(migrate.out).contains("\"kind\" : \"migrate\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> hv.inspect("web-1").orElseThrow().host().equals("big")
                && controller.actions().get(0).endedMillis() != 0);
        assertThat(controller.actions().get(0).status()).isEqualTo("SUCCEEDED");

        Run add = ctl("rule", "add", "block", "127.66.0.5", "--pool", "web", "--ttl", "60", "--admin", url, "--token", TOKEN);
        assertThat(add.exit).isZero();
        assertThat(balancer.rules()).hasSize(1);
        Run rules = ctl("rules", "--admin", url, "--token", TOKEN);
        assertThat(rules.out).contains("manual/BLOCK_SOURCE/127.66.0.5");
        Run rm = ctl("rule", "rm", "manual/BLOCK_SOURCE/127.66.0.5", "--admin", url, "--token", TOKEN);
        assertThat(rm.exit).isZero();
        assertThat(balancer.rules()).isEmpty();

        Run bad = ctl("migrate", "nope", "big", "--admin", url, "--token", TOKEN);
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err).contains("error (404): vm: nope (expected: one of [web-1, crit-1])");
    }

    private record Run(int exit, String out, String err) {}

    private static Run ctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CtlCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
