package org.vmshield.hypervisor.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmshield.hypervisor.VmSpec;

class QemuCommandLineTest {
    final VmSpec spec = new VmSpec("web1", "web", "v1", 2, 256, "a");
    final BootFiles boot = new BootFiles("v1", Path.of("/img/vmlinuz"), Path.of("/img/initrd.gz"));
    final InstanceFiles files = InstanceFiles.in(Path.of("/run/q"), "web1-p1-1");

    @Test
    void bridgeModeGivesTheGuestItsAddressAndATap() {
        List<String> args = QemuCommandLine.build("qemu-system-x86_64", Accelerator.TCG, spec, boot,
                new NicConfig.Tap("52:54:00:d5:00:0a", "vmt3", "10.213.0.10/24", "10.213.0.1"), files, "web1-p1-1", false);
        String line = String.join(" ", args);
        assertThat(args).containsSubsequence("-name", "vmshield-web1-p1-1,process=vmshield-web1-p1-1");
        assertThat(args).containsSubsequence("-m", "256M", "-smp", "2");
        assertThat(args).containsSubsequence("-accel", "tcg,tb-size=64");
        assertThat(line).contains("vmshield.ip=10.213.0.10/24 vmshield.gw=10.213.0.1");
        assertThat(args).containsSubsequence("-netdev", "tap,id=n0,ifname=vmt3,script=no,downscript=no");
        assertThat(line).contains("mac=52:54:00:d5:00:0a");
        assertThat(args).containsSubsequence("-qmp", "unix:/run/q/web1-p1-1.qmp,server=on,wait=off");
        assertThat(args).contains("-S").doesNotContain("-incoming");
    }

    @Test
    void userModeForwardsALoopbackPortAndTheTargetWaitsForItsMigration() {
        List<String> args = QemuCommandLine.build("qemu-system-x86_64", Accelerator.KVM, spec, boot,
                new NicConfig.User("52:54:00:a5:00:01", 40123), files, "web1-p1-2", true);
        assertThat(args).containsSubsequence("-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:40123-:80");
        assertThat(args).containsSubsequence("-accel", "kvm");
        assertThat(args).containsSubsequence("-incoming", "defer").doesNotContain("-S");
        assertThat(String.join(" ", args)).doesNotContain("vmshield.ip");
    }

    @Test
    void recognisesOnlyTaggedQemuProcesses() {
        assertThat(QemuCommandLine.isOurs("/usr/bin/qemu-system-x86_64\0-name\0vmshield-web1-p1-1,process=x\0-m\0256M")).isTrue();
        assertThat(QemuCommandLine.isOurs("qemu-system-x86_64\0-name\0other-vm\0")).isFalse();
        assertThat(QemuCommandLine.isOurs("sh\0-c\0exec qemu-system-x86_64 -name vmshield-x")).isFalse();
        assertThat(QemuCommandLine.isOurs("")).isFalse();
    }

    @Test
    void parsesCpuTimeEvenWhenTheProcessNameHasSpaces() {
        String stat = "1234 (qemu system) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 5 0 100 0 0";
        assertThat(ProcStat.parseCpuSeconds(stat)).isEqualTo(3.0);
    }

    @Test
    void describesARunningQemuFromItsCommandLineAndCgroup() {
        List<String> args = QemuCommandLine.build("/usr/bin/qemu-system-x86_64", Accelerator.TCG, spec, boot,
                new NicConfig.Tap("52:54:00:d5:00:0a", "vmt3", "10.213.0.10/24", "10.213.0.1"), files, "web1-p77-3", true);
        String cgroups = "4:memory:/vmshield/small\n1:cpu:/vmshield/small\n0::/\n";
        RunningQemu q = RunningQemu.parse(42, String.join("\0", args), cgroups).orElseThrow();
        assertThat(q).isEqualTo(new RunningQemu(42, "web1-p77-3", "web1", "small", 256, "10.213.0.10:80", true));
        List<String> user = QemuCommandLine.build("qemu-system-x86_64", Accelerator.TCG, spec, boot,
                new NicConfig.User("52:54:00:a5:00:01", 40123), files, "web1-p77-4", false);
        assertThat(RunningQemu.parse(43, String.join("\0", user), "0::/\n").orElseThrow())
                .isEqualTo(new RunningQemu(43, "web1-p77-4", "web1", "-", 256, "127.0.0.1:40123", false));
        assertThat(RunningQemu.parse(44, "bash\0-c\0true", "")).isEmpty();
    }
}
