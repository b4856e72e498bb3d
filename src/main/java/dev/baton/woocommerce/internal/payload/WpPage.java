package dev.baton.woocommerce.internal.payload;

/** A WordPress page ({@code GET /wp-json/wp/v2/pages}); title and content come rendered as HTML. */
public record WpPage(long id, String slug, String status, String link, String modifiedGmt, Rendered title,
        Rendered content) {

    public record Rendered(String rendered) {
    }
}
