package dev.baton.shared;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * A product as the agent shows it beside its answer, for a chat window or a host CRM to draw as a card. Every field
 * comes from the store's own catalog; {@code price} and {@code stock} are written for the shopper, in their language
 * ("$159.00", "in stock"); {@code option} is the option the answer is about ("L / Black"), null for the product as
 * a whole; {@code imageUrl} and {@code url} are http(s) addresses or null. The agent makes them; conversations
 * store them with the reply; channels send them beside the text.
 */
public record ProductCard(String title, String price, String stock, boolean available, String option, String imageUrl,
        String url) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ProductCard>> LIST = new TypeReference<>() { };

    /** Cards as stored in a text column: null for none. */
    public static String toJson(List<ProductCard> cards) {
        return cards == null || cards.isEmpty() ? null : JSON.writeValueAsString(cards);
    }

    /** Cards from a text column: none for null. */
    public static List<ProductCard> fromJson(String json) {
        return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, LIST));
    }
}
