package dev.baton.shopify.internal.payload;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Shopify's GraphQL answer: {@code data}, top-level {@code errors} (throttling shows as an error with
 * {@code extensions.code = THROTTLED}), and {@code extensions.cost.throttleStatus} with the bucket's state.
 */
public record GraphQlResponse(JsonNode data, List<Error> errors, Extensions extensions) {

    public record Error(String message, ErrorExtensions extensions) {
    }

    public record ErrorExtensions(String code) {
    }

    public record Extensions(Cost cost) {
    }

    public record Cost(double requestedQueryCost, Double actualQueryCost, ThrottleStatus throttleStatus) {
    }

    public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    }
}
