package org.vmshield.hypervisor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CgroupDetectionTest {
    private static final String HYBRID_MOUNTS = """
            tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
            cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0
            cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0
            cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
            cgroup /sys/fs/cgroup/systemd cgroup rw,relatime,name=systemd 0 0
            cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
            """;
    private static final String HYBRID_SELF = """
            9:name=systemd:/
            4:memory:/process_api/abc
            2:cpuacct:/
            1:cpu:/
            0::/
            """;

    @Test
    void picksV1OnAHybridMachineBelowItsOwnCgroups() {
        CgroupMounts mounts = CgroupMounts.parse(HYBRID_MOUNTS, HYBRID_SELF);

        CgroupBackend backend = LocalHostCgroups.choose(mounts, "vmshield", mount -> Set.of());

        assertThat(backend.version()).isEqualTo("v1");
        assertThat(backend.sliceDirs("small")).containsExactly(
                Path.of("/sys/fs/cgroup/cpu/vmshield/small"),
                Path.of("/sys/fs/cgroup/cpuacct/vmshield/small"),
                Path.of("/sys/fs/cgroup/memory/process_api/abc/vmshield/small"));
        assertThat(backend.scanRoots()).containsExactly(
                Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/cpuacct"), Path.of("/sys/fs/cgroup/memory"));
    }

    @Test
    void placesHostsWhereTheProcessCameFromWhileItRunsInItsDriverGroup() {
        CgroupMounts mounts = CgroupMounts.parse(HYBRID_MOUNTS,
                HYBRID_SELF.replace("1:cpu:/", "1:cpu:/ci/" + DriverGroup.NAME));

        CgroupBackend backend = LocalHostCgroups.choose(mounts, "vmshield", mount -> Set.of());

        assertThat(backend.sliceDirs("small").get(0)).isEqualTo(Path.of("/sys/fs/cgroup/cpu/ci/vmshield/small"));
    }

    @Test
    void usesOneDirectoryWhenCpuAndCpuacctAreMountedTogether() {
        CgroupMounts mounts = CgroupMounts.parse("""
                cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,cpu,cpuacct 0 0
                cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,memory 0 0
                """, """
                5:cpu,cpuacct:/user.slice
                4:memory:/user.slice
                """);

        CgroupBackend backend = LocalHostCgroups.choose(mounts, "vmshield", mount -> Set.of());

        assertThat(backend.sliceDirs("big")).containsExactly(
                Path.of("/sys/fs/cgroup/cpu,cpuacct/user.slice/vmshield/big"),
                Path.of("/sys/fs/cgroup/memory/user.slice/vmshield/big"));
    }

    @Test
    void picksV2OnAPureUnifiedMachineAtTheTopOfTheHierarchy() {
        CgroupMounts mounts = CgroupMounts.parse(
                "cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0\n",
                "0::/user.slice/user-0.slice/session-1.scope\n");

        CgroupBackend backend = LocalHostCgroups.choose(mounts, "vmshield",
                mount -> mount.equals(Path.of("/sys/fs/cgroup")) ? Set.of("cpuset", "cpu", "io", "memory", "pids")
                        : Set.of());

        assertThat(backend.version()).isEqualTo("v2");
        assertThat(backend.sliceDirs("small")).containsExactly(Path.of("/sys/fs/cgroup/vmshield/small"));
    }

    @Test
    void explainsWhatIsMissingWhenNoHierarchyFits() {
        CgroupMounts mounts = CgroupMounts.parse("cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\n", "0::/\n");

        assertThatThrownBy(() -> LocalHostCgroups.choose(mounts, "vmshield", mount -> Set.of("pids")))
                .isInstanceOf(CgroupException.class)
                .hasMessageContaining("no cgroup hierarchy with the cpu and memory controllers")
                .hasMessageContaining("/sys/fs/cgroup/unified");
    }

    @Test
    void convertsCoresToAQuotaOfAtLeastOneMillisecond() {
        // per 20 ms period
        assertThat(CgroupBackend.quotaMicros(0.5)).isEqualTo(10_000);
        assertThat(CgroupBackend.quotaMicros(1.5)).isEqualTo(30_000);
        assertThat(CgroupBackend.quotaMicros(0.05)).isEqualTo(1_000);
        assertThat(CgroupBackend.quotaMicros(0.001)).isEqualTo(1_000);
    }
}
