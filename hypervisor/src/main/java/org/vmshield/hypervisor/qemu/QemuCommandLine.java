package org.vmshield.hypervisor.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmshield.hypervisor.VmSpec;

/**
 * Builds the command line of one QEMU process. Pure: same inputs, same arguments, which both ends
 * of a migration rely on (their devices must match).
 */
final class QemuCommandLine {
    /** Every QEMU process vmshield starts has a {@code -name} that starts with this, so cleanup can find it. */
    static final String NAME_TAG = "vmshield-";

    private QemuCommandLine() {}

    /**
     * Returns the arguments.
     *
     * @param instanceId unique per process, e.g. {@code web1-3}
     * @param files the process's pidfile, QMP socket and serial log
     * @param incoming start waiting for an incoming migration ({@code -incoming defer}) instead of paused ({@code -S})
     */
    static List<String> build(String qemuBinary, Accelerator accel, VmSpec spec, BootFiles boot, NicConfig nic,
            InstanceFiles files, String instanceId, boolean incoming) {
        List<String> a = new ArrayList<>();
        a.add(qemuBinary);
        a.addAll(List.of("-name", NAME_TAG + instanceId + ",process=" + NAME_TAG + instanceId));
        a.addAll(List.of("-machine", "pc", "-accel", accel.qemuArgument()));
        a.addAll(List.of("-m", spec.memoryMiB() + "M", "-smp", String.valueOf(spec.vCpus())));
        a.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none", "-vga", "none"));
        a.addAll(List.of("-kernel", boot.kernel().toString(), "-initrd", boot.initrd().toString()));
        a.addAll(List.of("-append", kernelCommandLine(nic)));
        a.addAll(List.of("-serial", "file:" + files.serialLog()));
        a.addAll(List.of("-qmp", "unix:" + files.qmpSocket() + ",server=on,wait=off"));
        a.addAll(List.of("-pidfile", files.pidFile().toString()));
        a.addAll(List.of("-netdev", netdev(nic)));
        a.addAll(List.of("-device", "virtio-net-pci,netdev=n0,mac=" + nic.mac() + ",romfile=,guest_announce=off"));
        if (incoming) {
            a.addAll(List.of("-incoming", "defer"));
        } else {
            a.add("-S");
        }
        return List.copyOf(a);
    }

    static String kernelCommandLine(NicConfig nic) {
        String base = "console=ttyS0 panic=-1 quiet";
        if (nic instanceof NicConfig.Tap tap) {
            return base + " vmshield.ip=" + tap.guestCidr() + " vmshield.gw=" + tap.gateway();
        }
        return base;
    }

    private static String netdev(NicConfig nic) {
        if (nic instanceof NicConfig.Tap tap) {
            return "tap,id=n0,ifname=" + tap.tapName() + ",script=no,downscript=no";
        }
        NicConfig.User user = (NicConfig.User) nic;
        return "user,id=n0,hostfwd=tcp:127.0.0.1:" + user.hostPort() + "-:80";
    }

    /** Returns true when {@code cmdline} (NUL-separated, as in /proc/PID/cmdline) is a QEMU process vmshield started. */
    static boolean isOurs(String cmdline) {
        String[] args = cmdline.split("\0");
        if (args.length == 0 || !Path.of(args[0]).getFileName().toString().startsWith("qemu-system")) {
            return false;
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-name") && args[i + 1].startsWith(NAME_TAG)) {
                return true;
            }
        }
        return false;
    }
}
