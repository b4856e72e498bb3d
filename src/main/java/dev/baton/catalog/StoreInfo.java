package dev.baton.catalog;

/** The shop itself. {@code currency} is an ISO 4217 code; {@code url} has no trailing slash. */
public record StoreInfo(String name, String currency, String email, String url) {
}
