package org.vmshield.hypervisor.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vmshield.hypervisor.testing.QemuTests;

/** Boots v1 and v2 under QEMU (TCG) once and checks every endpoint of the sample service on both. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestBootTest {
    private static final String CRAFTED_QUERY = "a".repeat(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<GuestVm> vms = new ArrayList<>();
    private Path workDir;
    private GuestVm v1;
    private GuestVm v2;

    @BeforeAll
    void bootBoth() throws Exception {
        QemuTests.requireQemu();
        workDir = Files.createTempDirectory("vmshield-boot-test-");
        v1 = boot("v1");
        v2 = boot("v2");
    }

    @AfterAll
    void stopBoth() throws IOException {
        for (GuestVm vm : vms) {
            vm.close();
        }
        if (workDir != null) {
            DebianKernelSource.deleteTree(workDir);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void servesStaticPagesAndAnnouncesReadiness(String version) throws Exception {
        GuestVm vm = vm(version);
        assertThat(get(vm, "/health").body()).isEqualTo("ok\n");
        assertThat(get(vm, "/version").body()).isEqualTo(version + "\n");
        assertThat(get(vm, "/").body()).contains("vmshield sample service " + version);
        assertThat(vm.console()).contains("vmshield-guest: ready");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void workBurnsTheRequestedCpuTime(String version) throws Exception {
        GuestVm vm = vm(version);
        long healthMillis = timeMillis(vm, "/health");
        long start = System.nanoTime();
        HttpResponse<String> work = get(vm, "/work?ms=300");
        long workMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(work.statusCode()).isEqualTo(200);
        assertThat(work.body()).matches("worked 3\\d\\d ms\n");
        assertThat(workMillis).isGreaterThanOrEqualTo(300L).isGreaterThan(healthMillis + 200);
    }

    @Test
    void aCraftedSearchIsFarMoreExpensiveOnV1ThanOnV2() throws Exception {
        for (GuestVm vm : List.of(v1, v2)) {
            HttpResponse<String> normal = get(vm, "/search?q=Jacket");
            assertThat(normal.statusCode()).isEqualTo(200);
            assertThat(normal.body()).startsWith("2 results for \"jacket\"").contains("clothing: rain jacket");
        }
        long v1Normal = fastestOf(v1, "/search?q=jacket");
        long v1Crafted = fastestOf(v1, "/search?q=" + CRAFTED_QUERY);
        long v2Crafted = fastestOf(v2, "/search?q=" + CRAFTED_QUERY);
        System.out.printf("search: v1 normal %d ms, v1 crafted %d ms, v2 crafted %d ms%n", v1Normal, v1Crafted, v2Crafted);
        assertThat(v1Crafted).as("crafted query on v1 (the flaw)").isGreaterThan(400).isGreaterThan(5 * v1Normal);
        assertThat(v1Crafted).as("crafted query, v1 vs v2 (patched)").isGreaterThan(5 * v2Crafted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void streamSendsOneLinePerSecond(String version) throws Exception {
        HttpResponse<Stream<String>> response =
                http.send(request(vm(version), "/stream?secs=3"), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Long> arrivalMillis = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        try (Stream<String> body = response.body()) {
            for (Iterator<String> it = body.iterator(); it.hasNext(); ) {
                lines.add(it.next());
                arrivalMillis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("line 1 of 3");
        assertThat(lines.get(2)).startsWith("line 3 of 3");
        long spread = arrivalMillis.get(2) - arrivalMillis.get(0);
        assertThat(spread).as("lines arrive about one per second, not all at the end").isBetween(1500L, 4000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void dirtyStartsInTheBackgroundAndReturnsAtOnce(String version) throws Exception {
        GuestVm vm = vm(version);
        long start = System.nanoTime();
        HttpResponse<String> dirty = get(vm, "/dirty?mb=16&secs=2");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(dirty.statusCode()).isEqualTo(200);
        assertThat(dirty.body()).startsWith("started in the background: rewriting 16 MiB of guest memory for 2 s");
        assertThat(millis).as("returns at once, not after secs").isLessThan(2000);
        assertThat(get(vm, "/dirty?mb=16&secs=2").statusCode()).as("one job at a time").isEqualTo(409);
        // The job ends by itself: then a new one is accepted.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(vm, "/dirty?mb=1&secs=1").statusCode() == 200);
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        assertThat(get(v1, "/work?ms=99999").statusCode()).isEqualTo(400);
        assertThat(get(v1, "/work?ms=-1").body()).isEqualTo("ms: '-1' (expected: an integer in [0, 5000])\n");
        assertThat(get(v1, "/dirty?mb=0&secs=1").body()).isEqualTo("mb: '0' (expected: an integer in [1, 128])\n");
        assertThat(get(v1, "/stream?secs=x").statusCode()).isEqualTo(400);
        assertThat(get(v1, "/no/such/path").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base(v1) + "/health"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private GuestVm boot(String version) throws Exception {
        GuestImage image = TestImages.ensureBuilt(version);
        long start = System.nanoTime();
        GuestVm vm = GuestVm.boot(image, workDir);
        vms.add(vm);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    assertThat(vm.isAlive()).as("qemu alive; console:%n%s", vm.console()).isTrue();
                    // A short timeout: before the guest listens, QEMU's port forward may hold a request.
                    HttpRequest health = HttpRequest.newBuilder(URI.create(base(vm) + "/health"))
                            .timeout(Duration.ofSeconds(2)).build();
                    return http.send(health, HttpResponse.BodyHandlers.ofString()).body().equals("ok\n");
                });
        System.out.printf("%s serves /health %d ms after qemu started%n", version, (System.nanoTime() - start) / 1_000_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.console().contains("vmshield-guest: ready"));
        return vm;
    }

    private GuestVm vm(String version) {
        return "v1".equals(version) ? v1 : v2;
    }

    /** The fastest of three: the least disturbed by other work on a shared machine. */
    private long fastestOf(GuestVm vm, String path) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, timeMillis(vm, path));
        }
        return best;
    }

    private long timeMillis(GuestVm vm, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(vm, path);
        assertThat(response.statusCode()).isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private HttpResponse<String> get(GuestVm vm, String path) throws IOException, InterruptedException {
        return http.send(request(vm, path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(GuestVm vm, String path) {
        return HttpRequest.newBuilder(URI.create(base(vm) + path)).timeout(Duration.ofSeconds(60)).build();
    }

    private static String base(GuestVm vm) {
        return "http://127.0.0.1:" + vm.port();
    }
}
