package org.vmshield.hypervisor.qemu;

/** How one QEMU process's network card is wired. */
sealed interface NicConfig {
    /** Returns the guest's MAC address; equal on both ends of a migration. */
    String mac();

    /** QEMU user networking; the guest's port 80 is forwarded from 127.0.0.1:{@code hostPort}. */
    record User(String mac, int hostPort) implements NicConfig {}

    /**
     * A tap on vmshield's bridge; the guest has {@code guestCidr} (e.g. 10.213.0.5/24) and {@code gateway}.
     */
    record Tap(String mac, String tapName, String guestCidr, String gateway) implements NicConfig {}
}
