package dev.baton.shopify.internal;

import tools.jackson.databind.JsonNode;

import java.util.List;

/** Reading Shopify's JSON, where a field may be missing, null or present. */
final class JsonValues {

    private JsonValues() {
    }

    /** The field's text, or "" when it is missing or null. */
    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    /** The field's text, or null when it is missing or null. */
    static String nullable(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonValues::text).toList();
    }
}
