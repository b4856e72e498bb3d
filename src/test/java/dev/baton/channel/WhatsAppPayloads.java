package dev.baton.channel;

import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meta's webhook notifications for a WhatsApp Business Account, shaped as in Meta's "messages" webhook reference,
 * built one message or status at a time; and Meta's signature of a body.
 */
public final class WhatsAppPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String phoneNumberId;
    private final List<Map<String, Object>> contacts = new ArrayList<>();
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private final List<Map<String, Object>> statuses = new ArrayList<>();

    private WhatsAppPayloads(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    /** A notification for the business phone number with this id. */
    public static WhatsAppPayloads to(String phoneNumberId) {
        return new WhatsAppPayloads(phoneNumberId);
    }

    public WhatsAppPayloads text(String waId, String name, String wamid, String body) {
        contact(waId, name);
        messages.add(message(waId, wamid, "text", Map.of("body", body)));
        return this;
    }

    /** An image, audio, sticker, video or document: Meta sends the media's id, never its bytes. */
    public WhatsAppPayloads media(String waId, String name, String wamid, String type) {
        contact(waId, name);
        messages.add(message(waId, wamid, type, Map.of("mime_type", "image/jpeg",
                "sha256", "6c2ac3bbd9f6ba2f4e6a6e9f0d8e4e4a1f0bd2b6d1c1e3a7c9b9e8d7f6a5b4c3", "id", "1003383421387256")));
        return this;
    }

    public WhatsAppPayloads location(String waId, String name, String wamid) {
        contact(waId, name);
        messages.add(message(waId, wamid, "location", Map.of("latitude", 38.9, "longitude", -77.03,
                "name", "Philz Coffee", "address", "1 Main St")));
        return this;
    }

    /** A status of a message the business sent: sent, delivered or read. */
    public WhatsAppPayloads status(String wamid, String status, String recipientId) {
        statuses.add(status(wamid, status, recipientId, null));
        return this;
    }

    public WhatsAppPayloads failed(String wamid, String recipientId, int code, String title) {
        statuses.add(status(wamid, "failed", recipientId, List.of(Map.of("code", code, "title", title,
                "message", title, "error_data", Map.of("details", "Message failed to send.")))));
        return this;
    }

    public String json() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", phoneNumberId));
        if (!contacts.isEmpty()) {
            value.put("contacts", contacts);
        }
        if (!messages.isEmpty()) {
            value.put("messages", messages);
        }
        if (!statuses.isEmpty()) {
            value.put("statuses", statuses);
        }
        Map<String, Object> change = Map.of("value", value, "field", "messages");
        Map<String, Object> entry = Map.of("id", "102290129340398", "changes", List.of(change));
        return JSON.writeValueAsString(Map.of("object", "whatsapp_business_account", "entry", List.of(entry)));
    }

    /** The id (wamid) of the first message in this notification, or null when it carries statuses only. */
    public String firstMessageId() {
        return messages.isEmpty() ? null : (String) messages.get(0).get("id");
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code X-Hub-Signature-256} as Meta computes it: sha256= and the hex HMAC-SHA256 of the raw body. */
    public static String signature(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void contact(String waId, String name) {
        if (contacts.stream().noneMatch(contact -> waId.equals(contact.get("wa_id")))) {
            contacts.add(Map.of("profile", Map.of("name", name), "wa_id", waId));
        }
    }

    private static Map<String, Object> message(String waId, String wamid, String type, Map<String, Object> content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", waId);
        message.put("id", wamid);
        message.put("timestamp", "1749416383");
        message.put("type", type);
        message.put(type, content);
        return message;
    }

    private static Map<String, Object> status(String wamid, String status, String recipientId, Object errors) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", wamid);
        value.put("status", status);
        value.put("timestamp", "1750857384");
        value.put("recipient_id", recipientId);
        if (errors != null) {
            value.put("errors", errors);
        } else {
            value.put("conversation", Map.of("id", "a75d17ad06104c51166f948319b03c6a",
                    "origin", Map.of("type", "service")));
            value.put("pricing", Map.of("billable", true, "pricing_model", "PMP", "category", "service"));
        }
        return value;
    }
}
