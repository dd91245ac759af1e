package org.vmshield.hypervisor.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostPreflightTest {

    /** A fake host: answers the preflight's probes from a set of installed packages and records commands. */
    private static final class FakeHost implements CommandRunner {
        final Set<String> installed = new HashSet<>(Set.of("qemu-system-x86", "busybox-static", "dpkg", "apt", "iproute2"));
        final List<String> commands = new ArrayList<>();
        boolean installFails;
        boolean installWorks = true;

        @Override
        public Result run(List<String> command, Path directory, Duration timeout) {
            String line = String.join(" ", command);
            commands.add(line);
            if (line.startsWith("sh -c command -v ")) {
                String tool = command.get(3);
                String pkg = switch (tool) {
                    case "qemu-system-x86_64" -> "qemu-system-x86";
                    case "dpkg-deb" -> "dpkg";
                    case "apt-get" -> "apt";
                    case "ip" -> "iproute2";
                    default -> "?";
                };
                return installed.contains(pkg) ? ok("/usr/bin/" + tool) : new Result(1, "", "");
            }
            if (line.startsWith("dpkg-query -W")) {
                return installed.contains("busybox-static") ? ok("install ok installed") : new Result(1, "", "no packages found");
            }
            if (line.equals("/bin/busybox --list")) {
                return ok(String.join("\n", HostPreflight.BUSYBOX_APPLETS) + "\nhttpd\n");
            }
            if (line.equals("apt-get update")) {
                return ok("");
            }
            if (line.startsWith("apt-get install")) {
                if (installFails) {
                    return new Result(100, "", "E: Unable to locate package qemu-system-x86");
                }
                if (installWorks) {
                    installed.addAll(command.subList(4, command.size()));
                }
                return ok("");
            }
            throw new AssertionError("unexpected command: " + line);
        }

        private static Result ok(String stdout) {
            return new Result(0, stdout, "");
        }
    }

    private final FakeHost host = new FakeHost();
    private final List<String> said = new ArrayList<>();

    @Test
    void aCompleteHostNeedsNothing() throws Exception {
        HostPreflight preflight = new HostPreflight(host, true, said::add);

        preflight.ensureReady();

        assertThat(preflight.missing()).isEmpty();
        assertThat(host.commands).noneMatch(c -> c.startsWith("apt-get"));
        assertThat(said).isEmpty();
    }

    @Test
    void withoutRootItPrintsTheExactCommandAndInstallsNothing() {
        host.installed.removeAll(Set.of("qemu-system-x86", "busybox-static"));
        HostPreflight preflight = new HostPreflight(host, false, said::add);

        assertThatThrownBy(preflight::ensureReady)
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("missing: qemu-system-x86_64, busybox-static")
                .hasMessageEndingWith("Install with: sudo apt-get install -y qemu-system-x86 busybox-static");
        assertThat(host.commands).noneMatch(c -> c.startsWith("apt-get"));
    }

    @Test
    void asRootItUpdatesOnceInstallsWhatIsMissingAndChecksAgain() throws Exception {
        host.installed.removeAll(Set.of("iproute2", "busybox-static"));
        HostPreflight preflight = new HostPreflight(host, true, said::add);

        preflight.ensureReady();

        assertThat(host.commands.stream().filter(c -> c.equals("apt-get update"))).hasSize(1);
        assertThat(host.commands).contains("apt-get install -y --no-install-recommends busybox-static iproute2");
        assertThat(host.commands.indexOf("apt-get update"))
                .isLessThan(host.commands.indexOf("apt-get install -y --no-install-recommends busybox-static iproute2"));
        assertThat(said.get(0)).contains("installing busybox-static iproute2");
        assertThat(preflight.missing()).isEmpty();
    }

    @Test
    void aFailedInstallIsReportedWithAptsMessage() {
        host.installed.remove("qemu-system-x86");
        host.installFails = true;
        HostPreflight preflight = new HostPreflight(host, true, said::add);

        assertThatThrownBy(preflight::ensureReady)
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("exit 100")
                .hasMessageContaining("Unable to locate package qemu-system-x86");
    }

    @Test
    void anInstallThatLeavesSomethingMissingFails() {
        host.installed.remove("dpkg");
        host.installWorks = false;
        HostPreflight preflight = new HostPreflight(host, true, said::add);

        assertThatThrownBy(preflight::ensureReady)
                .isInstanceOf(PreflightException.class)
                .hasMessage("still missing after apt-get install -y dpkg: dpkg-deb");
    }

    @Test
    void aBusyboxWithoutTheNeededAppletsCountsAsMissing() {
        CommandRunner smallBusybox = (command, directory, timeout) -> command.get(0).equals("/bin/busybox")
                ? new CommandRunner.Result(0, "sh\nls\n", "")
                : host.run(command, directory, timeout);

        List<Requirement> missing = new HostPreflight(smallBusybox, false, said::add).missing();

        assertThat(missing).extracting(Requirement::debianPackage).containsExactly("busybox-static");
    }
}
