package org.tidings.server.fetch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkGuardTest {

    private final NetworkGuard strict = new NetworkGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
            "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::",
            // an IPv4 address inside IPv6: IPv4-compatible, NAT64 and 6to4 forms reach the IPv4 host they carry
            "::127.0.0.1", "::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1", "2002:c0a8:101::1"})
    void refusesInternalAddresses(String address) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertThatThrownBy(() -> strict.check("feed.test", a))
                .isInstanceOf(NetworkGuard.RefusedAddressException.class)
                .hasMessageContaining("tidings.fetch.allowed-networks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2001:4860:4860::8888", "172.32.0.1", "100.128.0.1",
            "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicAddresses(String address) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertThatCode(() -> strict.check("feed.test", a)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3"})
    void allowsWhatTheOperatorAllowed(String address) throws Exception {
        NetworkGuard guard = new NetworkGuard(List.of("127.0.0.1/32", "10.1.0.0/16"));
        assertThatCode(() -> guard.check("feed.test", InetAddress.getByName(address))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("feed.test", InetAddress.getByName("10.2.0.1")))
                .isInstanceOf(NetworkGuard.RefusedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-network", "10.0.0.0/33"})
    void rejectsMalformedNetworks(String network) {
        assertThatThrownBy(() -> new NetworkGuard(List.of(network))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(network);
    }

    /** Other software reads "0177.0.0.1" as octal (127.0.0.1) where Java reads 177.0.0.1: such a host is refused outright. */
    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "010.0.0.1", "127.000.000.001", "0x7f.0.0.1", "0x7f000001", "2130706433"})
    void refusesAddressesWrittenSoThatSoftwareDisagreesOnThem(String host) {
        assertThatThrownBy(() -> strict.resolve(host)).isInstanceOf(NetworkGuard.RefusedAddressException.class)
                .hasMessageContaining(host);
    }
}
