package dev.baton.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code baton.web.*}: how large a body the endpoints anyone may call without signing in accept.
 *
 * @param maxWebhookBody a store's or Meta's webhook ({@code /webhooks/**}); Shopify's largest product payloads stay
 *     well under it
 * @param maxWidgetBody the web chat's calls ({@code /widget/api/**}): a shopper's message and its envelope
 */
@ConfigurationProperties("baton.web")
record PublicBodyProperties(@DefaultValue("5MB") DataSize maxWebhookBody, @DefaultValue("64KB") DataSize maxWidgetBody) {
}
