package dev.baton.woocommerce.internal.payload;

/** The WordPress REST API index ({@code GET /wp-json/}): the site's title is the shop's name. */
public record WpSite(String name, String description, String url, String home) {
}
