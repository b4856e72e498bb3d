package dev.baton.shared;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Store content is HTML (Shopify descriptions, WooCommerce descriptions and WordPress pages); the knowledge base
 * wants readable text with the paragraph and list structure kept. Shared by the catalog and the store adapters.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul",
            "ol", "table", "section", "article", "blockquote");

    private HtmlText() {
    }

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Jsoup.parse(html).body().traverse(new NodeVisitor() {
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
