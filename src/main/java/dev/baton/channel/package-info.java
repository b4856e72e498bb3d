/**
 * Where shoppers write: the web chat widget, WhatsApp (Cloud API) and a generic REST channel for host CRMs. Each
 * adapter checks and hands incoming messages to the {@link dev.baton.channel.ConversationGateway} (implemented by
 * the conversation module); replies go out through the {@link dev.baton.channel.Outbox}, retried with backoff,
 * recorded, never sent twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package dev.baton.channel;
