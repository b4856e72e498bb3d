package dev.baton.channel.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code baton.whatsapp.*}: where the Cloud API is reached.
 *
 * @param graphBaseUrl the Graph API's address; tests point it at a WireMock server
 * @param graphVersion the pinned Graph API version, as in {@code /v21.0/{phone number id}/messages}
 */
@Validated
@ConfigurationProperties("baton.whatsapp")
record WhatsAppProperties(@DefaultValue("https://graph.facebook.com") @NotBlank String graphBaseUrl,
        @DefaultValue("v21.0") @Pattern(regexp = "v\\d+\\.\\d+") String graphVersion) {

    String messagesUrl(String phoneNumberId) {
        String base = graphBaseUrl.endsWith("/") ? graphBaseUrl.substring(0, graphBaseUrl.length() - 1) : graphBaseUrl;
        return base + "/" + graphVersion + "/" + phoneNumberId + "/messages";
    }
}
