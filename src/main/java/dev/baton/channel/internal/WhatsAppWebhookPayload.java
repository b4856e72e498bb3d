package dev.baton.channel.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Meta's webhook for a WhatsApp Business Account, as sent to the callback URL: the fields Baton reads, everything
 * else ignored. One delivery may carry several entries, changes, messages and statuses.
 */
record WhatsAppWebhookPayload(String object, List<Entry> entry) {

    static final String OBJECT = "whatsapp_business_account";

    /** The changes of every entry, empty lists where Meta left a field out. */
    List<Value> values() {
        return list(entry).stream().flatMap(e -> list(e.changes()).stream())
                .map(Change::value).filter(value -> value != null).toList();
    }

    record Entry(String id, List<Change> changes) {
    }

    record Change(String field, Value value) {
    }

    record Value(@JsonProperty("messaging_product") String messagingProduct, Metadata metadata, List<Contact> contacts,
            List<Message> messages, List<Status> statuses) {

        String phoneNumberId() {
            return metadata == null ? null : metadata.phoneNumberId();
        }

        /** The profile name WhatsApp gives for this sender, or null. */
        String nameOf(String waId) {
            return list(contacts).stream().filter(contact -> waId.equals(contact.waId()))
                    .map(contact -> contact.profile() == null ? null : contact.profile().name())
                    .filter(name -> name != null && !name.isBlank()).findFirst().orElse(null);
        }
    }

    record Metadata(@JsonProperty("display_phone_number") String displayPhoneNumber,
            @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    record Contact(Profile profile, @JsonProperty("wa_id") String waId) {
    }

    record Profile(String name) {
    }

    /** A shopper's message; {@code text} is set for type "text", other types carry their own object. */
    record Message(String from, String id, String timestamp, String type, Text text) {
    }

    record Text(String body) {
    }

    /** What became of a message Baton sent: sent, delivered, read or failed (with errors). */
    record Status(String id, String status, String timestamp, @JsonProperty("recipient_id") String recipientId,
            List<Error> errors) {
    }

    record Error(Integer code, String title, String message) {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
