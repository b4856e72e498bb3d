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

    @Operation(summary = "Connect a Shopify store with a custom app's Admin API access token; starts the first sync")
    @PostMapping("/api/v1/integrations/shopify")
    ResponseEntity<Connected> connect(@RequestBody ConnectRequest request) {
        var connected = connections.connectWithToken(account.id(), request.shop(), request.accessToken());
        var body = new Connected(connected.integration().id(), "SHOPIFY", connected.integration().storeAddress(),
                connected.syncJobId());
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + body.id())).body(body);
    }

    record ConnectRequest(String shop, String accessToken) {
        @Override
        public String toString() {
            return "ConnectRequest[" + shop + "]";
        }
    }

    record Connected(UUID id, String platform, String shop, UUID syncJobId) {
    }
}
