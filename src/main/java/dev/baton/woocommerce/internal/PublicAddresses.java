package dev.baton.woocommerce.internal;

import dev.baton.shared.OutboundAddresses;
import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves store hosts, refusing private, loopback, link-local and unspecified addresses unless
 * {@code baton.woocommerce.allow-private-hosts} is set. Checked when a store is connected and again on every
 * connection (a redirect, or a name that later resolves elsewhere, cannot point Baton at its own network).
 */
final class PublicAddresses implements Dns {

    private final boolean allowPrivate;

    PublicAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(host);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (OutboundAddresses.isPrivate(address)) {
                    throw new UnknownHostException(host + " resolves to a private or local address ("
                            + address.getHostAddress() + "), which Baton does not connect to.");
                }
            }
        }
        return addresses;
    }
}
