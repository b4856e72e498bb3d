package dev.baton.woocommerce.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * WordPress content to what Baton keeps: shortcodes a store left unexpanded ({@code [gallery ids="1,2"]},
 * {@code [/caption]}) are removed, their enclosed text kept; policy pages become readable text with their list
 * structure. (The catalog converts product descriptions itself; its converter is internal to it.)
 */
final class PlainText {

    private static final Pattern SHORTCODE = Pattern.compile("\\[\\[?/?[a-zA-Z][\\w-]*(?:\\s[^\\[\\]]*)?/?]]?");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul",
            "ol", "table", "section", "article", "blockquote");

    private PlainText() {
    }

    static String withoutShortcodes(String html) {
        return html == null ? "" : SHORTCODE.matcher(html).replaceAll("");
    }

    static String of(String html) {
        String cleaned = withoutShortcodes(html);
        if (cleaned.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Jsoup.parse(cleaned).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && element.nameIs("li")) {
                    text.append("\n- ");
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }
        });
        return text.toString()
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
