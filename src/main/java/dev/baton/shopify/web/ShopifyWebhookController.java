package dev.baton.shopify.web;

import dev.baton.shopify.internal.ShopifyWebhookIntake;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Shopify's webhooks: verified and stored at once (well within Shopify's 5-second limit), processed afterwards. */
@Hidden
@RestController
class ShopifyWebhookController {

    private final ShopifyWebhookIntake intake;

    ShopifyWebhookController(ShopifyWebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/webhooks/shopify")
    ResponseEntity<Map<String, Boolean>> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String hmac,
            @RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop,
            @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
            @RequestHeader(name = "X-Shopify-Event-Id", required = false) String eventId,
            @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId) {
        boolean fresh = intake.receive(body == null ? new byte[0] : body, hmac, shop, topic, eventId, webhookId);
        return ResponseEntity.ok(Map.of("duplicate", !fresh));
    }
}
