package dev.baton.woocommerce.web;

import dev.baton.account.CurrentAccount;
import dev.baton.woocommerce.internal.WooCommerceConnections;
import dev.baton.woocommerce.internal.WooCommerceWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@Tag(name = "Integrations")
@RestController
class WooCommerceApiController {

    private final WooCommerceConnections connections;
    private final WooCommerceWebhooks webhooks;
    private final CurrentAccount account;

    WooCommerceApiController(WooCommerceConnections connections, WooCommerceWebhooks webhooks,
            CurrentAccount account) {
        this.connections = connections;
        this.webhooks = webhooks;
        this.account = account;
    }

    @Operation(summary = "Connect a WooCommerce store with its REST API keys; starts the first sync",
            description = "The keys (WooCommerce > Settings > Advanced > REST API, Read permission) are checked with "
                    + "the store before anything is stored; keys the store refuses answer 422 with its reason.")
    @PostMapping("/api/v1/integrations/woocommerce")
    ResponseEntity<Connected> connect(@RequestBody ConnectRequest request) {
        var connected = connections.connectWithKeys(account.id(), request.storeUrl(), request.consumerKey(),
                request.consumerSecret());
        var body = new Connected(connected.integration().id(), "WOOCOMMERCE", connected.integration().storeAddress(),
                connected.syncJobId());
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + body.id())).body(body);
    }

    @Operation(summary = "The store's webhooks: whether they are set up, and what to enter to add them by hand",
            description = "Keys with Read permission cannot create webhooks; the owner adds one per topic in "
                    + "WooCommerce > Settings > Advanced > Webhooks with this delivery URL and secret.")
    @GetMapping("/api/v1/integrations/woocommerce/{id}/webhooks")
    WooCommerceWebhooks.Details webhooks(@PathVariable UUID id) {
        return webhooks.details(account.id(), id);
    }

    record ConnectRequest(String storeUrl, String consumerKey, String consumerSecret) {
        @Override
        public String toString() {
            return "ConnectRequest[" + storeUrl + "]";
        }
    }

    record Connected(UUID id, String platform, String storeUrl, UUID syncJobId) {
    }
}
