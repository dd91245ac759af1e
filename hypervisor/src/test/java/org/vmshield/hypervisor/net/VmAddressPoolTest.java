package org.vmshield.hypervisor.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VmAddressPoolTest {
    private final VmAddressPool pool = new VmAddressPool(NetworkSettings.DEFAULT);

    @Test
    void givesEachVmItsOwnStableAddressFromDotTen() {
        assertThat(pool.addressOf("web")).isEqualTo("10.213.0.10");
        assertThat(pool.addressOf("db")).isEqualTo("10.213.0.11");
        assertThat(pool.addressOf("web")).isEqualTo("10.213.0.10");
    }

    @Test
    void reusesAReleasedAddress() {
        pool.addressOf("a");
        pool.addressOf("b");

        assertThat(pool.release("a")).isTrue();
        assertThat(pool.release("a")).isFalse();

        assertThat(pool.addressOf("c")).isEqualTo("10.213.0.10");
    }

    @Test
    void failsClearlyWhenTheSubnetIsFull() {
        for (int i = NetworkSettings.FIRST_VM_HOST; i <= NetworkSettings.LAST_VM_HOST; i++) {
            pool.addressOf("vm" + i);
        }
        assertThatThrownBy(() -> pool.addressOf("one-too-many"))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("no free address for VM one-too-many in 10.213.0.0/24");
    }

    @Test
    void reservesAddressesForAdoptedVmsAndRefusesConflicts() {
        pool.reserve("adopted", "10.213.0.10");
        assertThat(pool.addressOf("adopted")).isEqualTo("10.213.0.10");
        assertThat(pool.addressOf("new")).isEqualTo("10.213.0.11");

        assertThatThrownBy(() -> pool.reserve("other", "10.213.0.11"))
                .isInstanceOf(NetworkException.class).hasMessageContaining("already held");
        assertThatThrownBy(() -> pool.reserve("other", "10.99.0.11"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: in 10.213.0.0/24");
        assertThatThrownBy(() -> pool.reserve("other", "10.213.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: .10 to .254");
    }
}
