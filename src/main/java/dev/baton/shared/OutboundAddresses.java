package dev.baton.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The one check for an address a user or a store gives Baton to call (a REST channel's callback, a store's address):
 * Baton does not call private, loopback, link-local (cloud metadata, {@code 169.254.169.254}), unspecified, multicast,
 * unique-local IPv6 or carrier-grade NAT addresses, so nobody can point it at its own network. Tests and local runs
 * allow them with {@code baton.outbound.allow-private-hosts=true} ({@link OutboundProperties}).
 *
 * <p>A host is checked by what it resolves to, when the address is given and again before each call (a name that
 * later resolves elsewhere is caught then); callers do not follow redirects.
 */
public final class OutboundAddresses {

    private OutboundAddresses() {
    }

    public static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                // IPv6 unique local addresses, fc00::/7
                || (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc)
                // carrier-grade NAT, 100.64.0.0/10
                || (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)
                // "this network", 0.0.0.0/8
                || (bytes.length == 4 && bytes[0] == 0);
    }

    /**
     * The private address the URI's host resolves to, if any. A host that does not resolve (now) has none: the call
     * itself will fail, and the check is made again before it.
     */
    public static Optional<InetAddress> privateAddressOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
                if (isPrivate(address)) {
                    return Optional.of(address);
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
