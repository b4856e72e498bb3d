package dev.baton.woocommerce.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.woocommerce.internal.WooCommerceKeyExchange;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Where WooCommerce posts the key pair an owner granted (server to server: no session, no CSRF token; the nonce in
 * {@code user_id} is the credential). WooCommerce wants exactly 200; any other answer makes it delete the key pair
 * and show the owner an error, so every refusal here is an RFC 9457 problem and stores nothing.
 */
@RestController
class WooCommerceCallbackController {

    private final WooCommerceKeyExchange exchange;

    WooCommerceCallbackController(WooCommerceKeyExchange exchange) {
        this.exchange = exchange;
    }

    @PostMapping(path = WooCommerceKeyExchange.CALLBACK_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    Received callback(@RequestBody KeysPosted keys) {
        var connected = exchange.receive(keys.userId(), keys.consumerKey(), keys.consumerSecret());
        return new Received(connected.integration().id(), connected.syncJobId());
    }

    /** WooCommerce's body ({@code WC_Auth::create_keys}); never printed with the keys in it. */
    record KeysPosted(@JsonProperty("key_id") Long keyId, @JsonProperty("user_id") String userId,
            @JsonProperty("consumer_key") String consumerKey, @JsonProperty("consumer_secret") String consumerSecret,
            @JsonProperty("key_permissions") String keyPermissions) {
        @Override
        public String toString() {
            return "KeysPosted[keyId=" + keyId + ", permissions=" + keyPermissions + "]";
        }
    }

    record Received(UUID id, UUID syncJobId) {
    }
}
