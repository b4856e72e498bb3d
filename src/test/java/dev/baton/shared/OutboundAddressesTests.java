package dev.baton.shared;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way of naming Baton's own network is refused; an address on the internet is not. */
class OutboundAddressesTests {

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesArePrivateInEverySpelling() {
        for (String url : new String[] {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.1.1/",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://2130706433/"}) {
            assertThat(OutboundAddresses.privateAddressOf(URI.create(url))).as(url).isPresent();
        }
    }

    @Test
    void publicAddressesAndHostsThatDoNotResolveAreNotRefusedHere() {
        assertThat(OutboundAddresses.privateAddressOf(URI.create("https://93.184.216.34/hook"))).isEmpty();
        assertThat(OutboundAddresses.privateAddressOf(URI.create("https://[2606:2800:220:1:248:1893:25c8:1946]/")))
                .isEmpty();
        // Checked again before each call, when it may resolve; "0x7f000001" and "127.1" are no addresses to Java, so
        // nothing can call them either.
        assertThat(OutboundAddresses.privateAddressOf(URI.create("https://crm.invalid/hook"))).isEmpty();
        assertThat(OutboundAddresses.privateAddressOf(URI.create("http://0x7f000001/"))).isEmpty();
        assertThat(OutboundAddresses.privateAddressOf(URI.create("http://127.1/"))).isEmpty();
    }
}
