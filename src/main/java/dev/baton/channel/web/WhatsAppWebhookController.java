package dev.baton.channel.web;

import dev.baton.channel.internal.WhatsAppWebhookIntake;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Meta's webhooks for a WhatsApp channel, at the callback URL pasted into the Meta app: the subscription handshake
 * (GET) and the notifications (POST), answered as soon as they are stored.
 */
@Hidden
@RestController
@RequestMapping("/webhooks/whatsapp/{channelId}")
class WhatsAppWebhookController {

    private final WhatsAppWebhookIntake intake;

    WhatsAppWebhookController(WhatsAppWebhookIntake intake) {
        this.intake = intake;
    }

    @GetMapping
    ResponseEntity<String> verify(@PathVariable String channelId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String answer = intake.verify(id(channelId), mode, verifyToken, challenge);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer);
    }

    @PostMapping
    WhatsAppWebhookIntake.Receipt receive(@PathVariable String channelId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        return intake.receive(id(channelId), body == null ? new byte[0] : body, signature);
    }

    /** Not a UUID: no such channel, like an unknown one. */
    private static UUID id(String channelId) {
        try {
            return UUID.fromString(channelId);
        } catch (IllegalArgumentException e) {
            throw BatonException.notFound("WhatsApp channel", channelId);
        }
    }
}
