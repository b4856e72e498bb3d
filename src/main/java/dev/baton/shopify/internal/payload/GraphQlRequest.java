package dev.baton.shopify.internal.payload;

import java.util.Map;

/** The body of a GraphQL call. */
public record GraphQlRequest(String query, Map<String, Object> variables) {
}
