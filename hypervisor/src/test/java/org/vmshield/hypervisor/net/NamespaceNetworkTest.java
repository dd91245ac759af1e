package org.vmshield.hypervisor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vmshield.hypervisor.testing.QemuTests;

/**
 * A real namespace network (needs root), under names of its own so that it never touches the
 * project's default network. A second namespace with a veth on the bridge plays a VM: the
 * traffic goes from the root namespace over the veth pair and the bridge, like a VM's would.
 */
@Timeout(60)
class NamespaceNetworkTest {
    private static final int ECHO_PORT = 7000;

    private final List<Process> processes = new ArrayList<>();
    private NetworkSettings settings;
    private NamespaceNetwork network;
    private String fakeVm;

    @BeforeEach
    void setUp() {
        QemuTests.requireRoot();
        QemuTests.requireCommand("ip");
        long pid = ProcessHandle.current().pid();
        settings = NetworkSettings.forTest(pid);
        network = new NamespaceNetwork(settings);
        fakeVm = settings.namespace() + "-vm";
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (network != null) {
            network.destroy();
        }
        if (fakeVm != null && NamespaceNetwork.namespaceExists(fakeVm)) {
            IpCommand.run("netns", "delete", fakeVm);
        }
    }

    @Test
    void createsTapsOnTheBridgeAndCleansUpCompletely() {
        network.ensure();
        network.ensure(); // idempotent

        String source = network.allocateTap("web@small");
        String destination = network.allocateTap("web@big");

        assertThat(source).isNotEqualTo(destination);
        assertThat(network.allocateTap("web@small")).isEqualTo(source);
        String links = IpCommand.run("-n", settings.namespace(), "-d", "link", "show");
        assertThat(IpCommand.run("-n", settings.namespace(), "link", "show", "dev", source)).contains("master br0");
        assertThat(IpCommand.run("-n", settings.namespace(), "-d", "link", "show", "dev", destination))
                .contains("master br0").contains("tun");
        assertThat(links).contains(NetworkSettings.UPLINK);
        assertThat(IpCommand.run("addr", "show", "dev", settings.rootLink()))
                .contains(settings.gateway() + "/24").contains("UP");

        network.releaseTap(source);
        assertThat(NamespaceNetwork.linkExists(settings.namespace(), source)).isFalse();
        assertThat(network.taps()).containsOnlyKeys("web@big");

        network.destroy();

        assertThat(IpCommand.run("netns", "list")).doesNotContain(settings.namespace() + " ")
                .doesNotContain(settings.namespace() + "\n");
        assertThat(NamespaceNetwork.namespaceExists(settings.namespace())).isFalse();
        assertThat(IpCommand.run("link", "show")).doesNotContain(settings.rootLink() + ":")
                .doesNotContain(settings.rootLink() + "@");
    }

    @Test
    void cleanupRemovesTheNetworkOfATestRunThatIsGoneAndKeepsALiveOnesNetwork() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        NetworkSettings abandoned = NetworkSettings.forTest(gone.pid());
        NamespaceNetwork left = new NamespaceNetwork(abandoned);
        try {
            left.ensure(); // as a killed run left it: namespace, bridge, veth pair
            network.ensure(); // this live process's own

            assertThat(NamespaceNetwork.cleanupAbandonedTestNetworks()).isGreaterThanOrEqualTo(1);

            assertThat(NamespaceNetwork.namespaceExists(abandoned.namespace())).isFalse();
            assertThat(NamespaceNetwork.linkExists(null, abandoned.rootLink())).isFalse();
            assertThat(NamespaceNetwork.namespaceExists(settings.namespace())).as("a live run's network").isTrue();
        } finally {
            left.destroy();
        }
    }

    @Test
    void carriesTcpFromTheRootNamespaceToAnEndpointOnTheBridge() throws Exception {
        network.ensure();
        String vmAddress = network.ipFor("probe");
        plugFakeVm(vmAddress);

        assertThat(echo(vmAddress, "hello through the bridge")).isEqualTo("hello through the bridge");
    }

    @Test
    void ensureRepairsAMissingVethPair() throws Exception {
        network.ensure();
        String vmAddress = network.ipFor("probe");
        plugFakeVm(vmAddress);
        IpCommand.run("link", "del", settings.rootLink());

        network.ensure();

        assertThat(echo(vmAddress, "after repair")).isEqualTo("after repair");
    }

    @Test
    void runsCommandsInsideTheNamespaceWithThePrefix() throws Exception {
        network.ensure();
        List<String> command = new ArrayList<>(network.commandPrefix());
        command.addAll(List.of("ip", "-o", "link", "show"));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains(NetworkSettings.BRIDGE).doesNotContain(settings.rootLink());
    }

    @Test
    void reportsIpsErrorOutput() {
        assertThatThrownBy(() -> IpCommand.run("link", "show", "dev", "no-such-link0"))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("'ip link show dev no-such-link0' failed")
                .hasMessageContaining("does not exist");
    }

    /** Puts a namespace with {@code address} on the bridge and starts a TCP echo server in it. */
    private void plugFakeVm(String address) throws IOException {
        IpCommand.run("netns", "add", fakeVm);
        IpCommand.run("-n", settings.namespace(), "link", "add", "probe0", "type", "veth", "peer", "name", "eth0",
                "netns", fakeVm);
        IpCommand.run("-n", settings.namespace(), "link", "set", "probe0", "master", NetworkSettings.BRIDGE, "up");
        IpCommand.run("-n", fakeVm, "addr", "add", address + "/24", "dev", "eth0");
        IpCommand.run("-n", fakeVm, "link", "set", "eth0", "up");
        QemuTests.requireCommand("busybox");
        processes.add(new ProcessBuilder("ip", "netns", "exec", fakeVm, "busybox", "nc", "-ll", "-p",
                Integer.toString(ECHO_PORT), "-e", "cat")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Sends one line to the echo server at {@code address} and returns the line it sent back. */
    private static String echo(String address, String line) {
        AtomicReference<String> answer = new AtomicReference<>();
        // The echo server may not listen yet, and the bridge port needs a moment: retry until it answers.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, ECHO_PORT), 1_000);
                socket.setSoTimeout(2_000);
                OutputStream out = socket.getOutputStream();
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                answer.set(in.readLine());
                return answer.get() != null;
            }
        });
        return answer.get();
    }
}
