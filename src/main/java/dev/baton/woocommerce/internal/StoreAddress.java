package dev.baton.woocommerce.internal;

import dev.baton.shared.BatonException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** A store's address as Baton keeps it: http or https, no credentials, query or fragment, no trailing slash. */
record StoreAddress(String url) {

    boolean https() {
        return url.startsWith("https://");
    }

    String host() {
        return URI.create(url).getHost();
    }

    /** Checks what the owner typed; a 400 says what is wrong with it. */
    static StoreAddress of(String storeUrl, boolean allowPrivateHosts) {
        if (storeUrl == null || storeUrl.isBlank()) {
            throw BatonException.badRequest("Send the store's address as 'storeUrl', e.g. https://shop.example.com.");
        }
        URI uri;
        try {
            uri = new URI(storeUrl.strip());
        } catch (URISyntaxException e) {
            throw BatonException.badRequest("'" + storeUrl + "' is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw BatonException.badRequest("The store's address must start with https:// (or http://).");
        }
        if (uri.getRawUserInfo() != null) {
            throw BatonException.badRequest("The store's address must not contain a user name or password; "
                    + "send the REST API keys as consumerKey and consumerSecret.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw BatonException.badRequest("'" + storeUrl + "' has no host name.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw BatonException.badRequest("The store's address must not have a query or a fragment.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowPrivateHosts) {
            refusePrivate(host);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new StoreAddress(scheme + "://" + host + port + path);
    }

    private static void refusePrivate(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw BatonException.badRequest("The store's host " + host + " could not be found.");
        }
        for (InetAddress address : addresses) {
            if (dev.baton.shared.OutboundAddresses.isPrivate(address)) {
                throw BatonException.badRequest("The store's host " + host + " is a private or local address; "
                        + "Baton connects only to stores on the internet.");
            }
        }
    }
}
