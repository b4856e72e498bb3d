package dev.baton.shopify.web;

import dev.baton.account.CurrentAccount;
import dev.baton.shopify.internal.ShopifyInstalls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Map;

/**
 * The install redirects. Errors answer RFC 9457 problem details (400 for a bad shop domain, 401 for a callback
 * that cannot be trusted); success sends the owner back to the Knowledge page, where the first sync shows.
 */
@RestController
class ShopifyOAuthController {

    private final ShopifyInstalls installs;
    private final CurrentAccount account;

    ShopifyOAuthController(ShopifyInstalls installs, CurrentAccount account) {
        this.installs = installs;
        this.account = account;
    }

    @GetMapping("/shopify/install")
    ResponseEntity<Void> install(@RequestParam(required = false) String shop, HttpServletRequest request) {
        String callback = ServletUriComponentsBuilder.fromContextPath(request).path("/shopify/callback").toUriString();
        return redirect(installs.begin(account.id(), shop, callback));
    }

    @GetMapping("/shopify/callback")
    ResponseEntity<Void> callback(@RequestParam Map<String, String> query) {
        var connected = installs.complete(query);
        return redirect(URI.create("/knowledge?connected=" + connected.integration().id()));
    }

    private static ResponseEntity<Void> redirect(URI location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString()).build();
    }
}
