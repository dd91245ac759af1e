package org.vmshield.hypervisor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkSettingsTest {
    @Test
    void derivesGatewayAndCidrFromTheSubnet() {
        assertThat(NetworkSettings.DEFAULT.gateway()).isEqualTo("10.213.0.1");
        assertThat(NetworkSettings.DEFAULT.cidr()).isEqualTo("10.213.0.0/24");
    }

    @Test
    void refusesNamesIpCannotTakeAndBadSubnets() {
        assertThatThrownBy(() -> new NetworkSettings("a b", "vms0", "10.213.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace: 'a b'");
        assertThatThrownBy(() -> new NetworkSettings("vmshield", "sixteen-chars-xx", "10.213.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: 1-15");
        assertThatThrownBy(() -> new NetworkSettings("vmshield", "vms0", "10.256.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnet24: '10.256.0'");
        assertThatThrownBy(() -> new NetworkSettings("vmshield", "vms0", "10.213.0.0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesAStableMacFromTheAddress() {
        assertThat(NamespaceNetwork.macFor("10.213.0.10")).isEqualTo("52:54:00:d5:00:0a");
        assertThatThrownBy(() -> NamespaceNetwork.macFor("10.213.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesATestProcesssNetworkAfterItsPidAndTellsItsOwnerBack() {
        NetworkSettings t = NetworkSettings.forTest(1_234_567);
        assertThat(t.namespace()).isEqualTo("vmshield-t1234567");
        assertThat(NetworkSettings.testOwner(t.namespace())).hasValue(1_234_567);
        assertThat(NetworkSettings.testOwner("vmshield-t1234567-vm")).hasValue(1_234_567);
        assertThat(NetworkSettings.testOwner("vmshield")).isEmpty();
        assertThat(NetworkSettings.testOwner("vmshield-tx")).isEmpty();
        assertThat(NetworkSettings.testOwner("other-t12")).isEmpty();
    }
}
