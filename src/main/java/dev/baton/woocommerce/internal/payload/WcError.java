package dev.baton.woocommerce.internal.payload;

/** The body of a refused request: {@code {"code": "woocommerce_rest_cannot_view", "message": "..."}}. */
public record WcError(String code, String message) {
}
