package dev.baton.woocommerce.internal;

import dev.baton.shared.HtmlText;

import java.util.regex.Pattern;

/**
 * WordPress content to what Baton keeps: shortcodes a store left unexpanded ({@code [gallery ids="1,2"]},
 * {@code [/caption]}) are removed, their enclosed text kept; then the HTML becomes readable text ({@link HtmlText}).
 */
final class PlainText {

    private static final Pattern SHORTCODE = Pattern.compile("\\[\\[?/?[a-zA-Z][\\w-]*(?:\\s[^\\[\\]]*)?/?]]?");

    private PlainText() {
    }

    static String withoutShortcodes(String html) {
        return html == null ? "" : SHORTCODE.matcher(html).replaceAll("");
    }

    static String of(String html) {
        return HtmlText.toText(withoutShortcodes(html));
    }
}
