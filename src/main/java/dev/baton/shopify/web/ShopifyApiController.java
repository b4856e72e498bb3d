package dev.baton.shopify.web;

import dev.baton.account.CurrentAccount;
import dev.baton.shopify.internal.ShopifyConnections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@Tag(name = "Integrations")
@RestController
class ShopifyApiController {

    private final ShopifyConnections connections;
    private final CurrentAccount account;

    ShopifyApiController(ShopifyConnections connections, CurrentAccount account) {
        this.connections = connections;
        this.account = account;
    }

    @Operation(summary = "Connect a Shopify store with a custom app's Admin API access token; starts the first sync",
            description = "With the custom app's API secret key (apiSecret), Baton also subscribes the store to its "
                    + "webhooks and verifies them with that key; 'webhooks' in the answer says how that went.")
    @PostMapping("/api/v1/integrations/shopify")
    ResponseEntity<Connected> connect(@RequestBody ConnectRequest request) {
        var result = connections.connectWithToken(account.id(), request.shop(), request.accessToken(),
                request.apiSecret());
        var connected = result.connected();
        var body = new Connected(connected.integration().id(), "SHOPIFY", connected.integration().storeAddress(),
                connected.syncJobId(), new Webhooks(result.webhooks().status().name(), result.webhooks().message()));
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + body.id())).body(body);
    }

    record ConnectRequest(String shop, String accessToken, String apiSecret) {
        @Override
        public String toString() {
            return "ConnectRequest[" + shop + "]";
        }
    }

    record Connected(UUID id, String platform, String shop, UUID syncJobId, Webhooks webhooks) {
    }

    /** {@code status}: REGISTERED, FAILED or NOT_SET_UP; {@code message} says why and what to do. */
    record Webhooks(String status, String message) {
    }
}
