package org.vmshield.balancer.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vmshield.balancer.Balancer;
import org.vmshield.balancer.testing.Balancers;
import org.vmshield.balancer.testing.TestBackend;

class AdminApiTest {
    static final String TOKEN = "test-token-0123456789";
    static TestBackend a;
    static TestBackend b;
    static Balancer balancer;
    static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper json = new ObjectMapper();

    record Answer(int status, JsonNode body, String text) {}

    @BeforeAll
    static void start() throws Exception {
        a = new TestBackend("a");
        b = new TestBackend("b");
        balancer = Balancers.builder().backend("a", a.address()).token(TOKEN).start();
    }

    @AfterAll
    static void stop() {
        balancer.close();
        a.close();
        b.close();
    }

    static Answer call(String method, String path, String body) throws Exception {
        return call(method, path, body, "Bearer " + TOKEN);
    }

    static Answer call(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer.adminPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            r.header("Authorization", auth);
        }
        HttpResponse<String> resp = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = null;
        if (resp.headers().firstValue("content-type").orElse("").contains("json")) {
            node = json.readTree(resp.body());
        }
        return new Answer(resp.statusCode(), node, resp.body());
    }

    static JsonNode backend(String pool, String id) throws Exception {
        for (JsonNode n : call("GET", "/pools/" + pool, null).body().get("backends")) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void everyRequestNeedsTheToken() throws Exception {
        assertThat(call("GET", "/pools", null, null).status()).isEqualTo(401);
        Answer wrong = call("GET", "/pools", null, "Bearer nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").asText()).contains("expected: Authorization: Bearer");
        assertThat(call("DELETE", "/pools/web", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/pools", null).status()).isEqualTo(200);
    }

    @Test
    void poolsCanBeListedAddedAndRemoved() throws Exception {
        Answer list = call("GET", "/pools", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get(0).get("name").asText()).isEqualTo("web");
        assertThat(list.body().get(0).get("listeners").get(0).asText()).isEqualTo("web");

        Answer added = call("POST", "/pools", "{\"name\":\"api\",\"strategy\":\"least-outstanding\","
                + "\"backends\":[{\"id\":\"x\",\"address\":\"" + b.address() + "\"}]}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("strategy").asText()).isEqualTo("least-outstanding");
        assertThat(call("GET", "/pools/api", null).body().get("backends").get(0).get("id").asText()).isEqualTo("x");
        assertThat(call("POST", "/pools", "{\"name\":\"api\"}").status()).isEqualTo(409);

        Answer bad = call("POST", "/pools", "{\"name\":\"other\",\"strategy\":\"coin-toss\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).contains("strategy: coin-toss (expected: one of");
        Answer unknown = call("POST", "/pools", "{\"name\":\"other\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("error").asText()).contains("colour: unknown field");
        assertThat(call("POST", "/pools", "{not json").status()).isEqualTo(400);
        assertThat(call("GET", "/pools/other", null).status()).isEqualTo(404);

        Answer inUse = call("DELETE", "/pools/web", null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body().get("error").asText()).contains("listener web does");
        assertThat(call("DELETE", "/pools/api", null).status()).isEqualTo(200);
        assertThat(call("GET", "/pools/api", null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/pools/api", null).status()).isEqualTo(404);
    }

    @Test
    void backendsCanBeAddedChangedAndRemovedAndBadChangesChangeNothing() throws Exception {
        Answer added = call("POST", "/pools/web/backends", "{\"id\":\"b\",\"address\":\"" + b.address() + "\",\"weight\":10}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(call("POST", "/pools/web/backends", "{\"id\":\"b\",\"address\":\"" + b.address() + "\"}").status())
                .isEqualTo(409);
        Answer badAddress = call("POST", "/pools/web/backends", "{\"id\":\"c\",\"address\":\"nowhere\"}");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body().get("error").asText()).contains("address: nowhere (expected: host:port)");
        assertThat(call("POST", "/pools/nope/backends", "{\"id\":\"c\",\"address\":\"" + b.address() + "\"}").status())
                .isEqualTo(404);

        assertThat(call("PATCH", "/pools/web/backends/b", "{\"weight\":50}").status()).isEqualTo(200);
        assertThat(backend("web", "b").get("weight").asInt()).isEqualTo(50);

        Answer bad = call("PATCH", "/pools/web/backends/b", "{\"weight\":-1,\"state\":\"paused\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).isEqualTo("weight: -1 (expected: 0..10000)");
        assertThat(backend("web", "b").get("state").asText()).isEqualTo("active");
        assertThat(call("PATCH", "/pools/web/backends/b", "{\"state\":\"asleep\"}").body().get("error").asText())
                .isEqualTo("state: asleep (expected: one of active, draining, paused, maintenance)");
        assertThat(call("PATCH", "/pools/web/backends/b", "{}").status()).isEqualTo(400);
        assertThat(call("PATCH", "/pools/web/backends/zz", "{\"weight\":5}").status()).isEqualTo(404);

        assertThat(call("PUT", "/pools/web/backends/b/state", "{\"state\":\"draining\"}").status()).isEqualTo(200);
        assertThat(backend("web", "b").get("state").asText()).isEqualTo("draining");
        assertThat(call("PUT", "/pools/web/backends/b/weight", "{\"weight\":7}").status()).isEqualTo(200);
        assertThat(backend("web", "b").get("weight").asInt()).isEqualTo(7);
        assertThat(call("PUT", "/pools/web/backends/b/address", "{\"address\":\"" + a.address() + "\"}").status())
                .isEqualTo(200);
        assertThat(backend("web", "b").get("address").asText()).isEqualTo(a.address());
        assertThat(call("PUT", "/pools/web/backends/b/state", "{\"weight\":3}").status()).isEqualTo(400);
        assertThat(call("PUT", "/pools/web/backends/b/colour", "{}").status()).isEqualTo(404);

        assertThat(call("DELETE", "/pools/web/backends/b", null).status()).isEqualTo(200);
        assertThat(backend("web", "b")).isNull();
        assertThat(call("DELETE", "/pools/web/backends/b", null).status()).isEqualTo(404);
    }

    @Test
    void listenersCanBeAddedAndRemoved() throws Exception {
        Answer added = call("POST", "/listeners", "{\"name\":\"web2\",\"port\":0,\"pool\":\"web\"}");
        assertThat(added.status()).isEqualTo(201);
        int port = added.body().get("port").asInt();
        assertThat(port).isPositive();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("hello from a");
        assertThat(call("GET", "/listeners", null).text()).contains("\"web2\"");
        assertThat(call("POST", "/listeners", "{\"name\":\"web3\",\"port\":0,\"pool\":\"none\"}").status()).isEqualTo(400);
        assertThat(call("DELETE", "/listeners/web2", null).status()).isEqualTo(200);
        assertThat(call("DELETE", "/listeners/web2", null).status()).isEqualTo(404);
    }

    @Test
    void rulesCanBeAddedListedAndRemoved() throws Exception {
        Answer added = call("POST", "/rules", "{\"type\":\"sourceRate\",\"id\":\"r1\",\"rateRps\":1000,\"burst\":2000}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(call("GET", "/rules", null).text()).contains("\"r1\"");
        assertThat(call("POST", "/rules", "{\"type\":\"sourceRate\",\"id\":\"r1\",\"rateRps\":5,\"burst\":5}").status())
                .isEqualTo(409);
        Answer bad = call("POST", "/rules", "{\"type\":\"sourceRate\",\"id\":\"r2\",\"rateRps\":-1,\"burst\":5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).contains("rateRps").contains("expected");
        assertThat(call("POST", "/rules", "{\"type\":\"teleport\",\"id\":\"r3\"}").status()).isEqualTo(400);
        assertThat(call("POST", "/rules", "{\"type\":\"cidr\",\"id\":\"t1\",\"action\":\"deny\","
                + "\"cidrs\":[\"198.51.100.0/24\"],\"ttlSeconds\":600}").status()).isEqualTo(201);
        JsonNode listed = call("GET", "/rules", null).body();
        for (JsonNode rule : listed) {
            if (rule.get("id").asText().equals("t1")) {
                assertThat(rule.get("remainingSeconds").asLong()).isBetween(590L, 600L);
            } else {
                assertThat(rule.has("remainingSeconds")).isFalse();
            }
        }
        assertThat(call("DELETE", "/rules/t1", null).status()).isEqualTo(200);
        assertThat(call("DELETE", "/rules/r1", null).status()).isEqualTo(200);
        assertThat(call("DELETE", "/rules/r1", null).status()).isEqualTo(404);
        assertThat(call("GET", "/rules", null).text()).doesNotContain("\"r1\"");
    }

    @Test
    void snapshotAndMetricsShowTheTraffic() throws Exception {
        // traffic keeps flowing while we wait, so whichever interval the snapshot covers has some
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            for (int i = 0; i < 5; i++) {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer.listenerPort("web") + "/"))
                        .build(), HttpResponse.BodyHandlers.ofString());
            }
            JsonNode s = call("GET", "/snapshot", null).body();
            return s.get("pools").get(0).get("traffic").get("statuses").get("s2xx").asLong() > 0;
        });
        assertThat(call("GET", "/metrics", null).text()).contains("vmshield_responses_total{backend=\"a\",class=\"2xx\",pool=\"web\"}");
    }

    @Test
    void unknownPathsAndMethodsSayWhatIsExpected() throws Exception {
        Answer notFound = call("GET", "/nothing", null);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body().get("error").asText()).contains("expected: /pools");
        Answer method = call("PUT", "/snapshot", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().get("error").asText()).isEqualTo("method: PUT (expected: GET)");
    }
}
