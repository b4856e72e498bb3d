package dev.baton.woocommerce.internal.payload;

import tools.jackson.databind.JsonNode;

/** One setting of a settings group ({@code GET /settings/general}, {@code /settings/advanced}). */
public record WcSetting(String id, String label, JsonNode value) {

    public String text() {
        return value == null || value.isNull() ? "" : value.asString("");
    }
}
