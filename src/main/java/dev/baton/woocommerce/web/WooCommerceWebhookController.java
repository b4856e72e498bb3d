package dev.baton.woocommerce.web;

import dev.baton.woocommerce.internal.WooCommerceWebhookIntake;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Map;

/** WooCommerce's webhook deliveries: verified and stored at once, processed afterwards. */
@Hidden
@RestController
class WooCommerceWebhookController {

    private final WooCommerceWebhookIntake intake;

    WooCommerceWebhookController(WooCommerceWebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/webhooks/woocommerce/{integrationId}")
    Map<String, String> receive(@PathVariable String integrationId, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestHeader(name = "X-WC-Webhook-Signature", required = false) String signature,
            @RequestHeader(name = "X-WC-Webhook-Topic", required = false) String topic,
            @RequestHeader(name = "X-WC-Webhook-Delivery-ID", required = false) String deliveryId) {
        var outcome = intake.receive(integrationId, body == null ? new byte[0] : body, contentType, signature, topic,
                deliveryId);
        return Map.of("outcome", outcome.name().toLowerCase(Locale.ROOT));
    }
}
