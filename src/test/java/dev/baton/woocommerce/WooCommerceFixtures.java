package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A WooCommerce store on WireMock, answering with the REST API v3 documentation's example shapes
 * (src/test/resources/woocommerce): two pages of published products (a simple one with HTML and shortcodes, a
 * variable one), its variations, orders, settings, the site's title and two policy pages.
 */
public final class WooCommerceFixtures {

    public static final String PRODUCTS = "/wp-json/wc/v3/products";
    public static final String WEBHOOKS = "/wp-json/wc/v3/webhooks";
    public static final String MAINTENANCE_PAGE = """
            <!DOCTYPE html><html><head><title>Briefly unavailable for scheduled maintenance</title></head>
            <body><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></body></html>""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WooCommerceFixtures() {
    }

    public static void stubStore(WireMockServer store) {
        store.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo("1"))
                .willReturn(listing("products-page1.json", 2, 2)));
        store.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo("2"))
                .willReturn(listing("products-page2.json", 2, 2)));
        store.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("per_page", equalTo("1")).atPriority(1)
                .willReturn(listing("products-page1.json", 2, 2)));
        store.stubFor(get(urlPathEqualTo(PRODUCTS + "/799/variations")).willReturn(listing("variations-799.json", 2, 1)));
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).willReturn(listing("orders.json", 2, 1)));
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).willReturn(json("settings-general.json")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/advanced")).willReturn(json("settings-advanced.json")));
        store.stubFor(get(urlPathEqualTo("/wp-json/")).willReturn(json("wp-site.json")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/pages/41")).willReturn(json("page-terms.json")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/pages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=UTF-8").withHeader("X-WP-Total", "0")
                .withHeader("X-WP-TotalPages", "0").withBody("[]")));
        store.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/pages")).withQueryParam("slug", equalTo("refund_returns"))
                .atPriority(1).willReturn(json("pages-refund_returns.json")));
    }

    /**
     * Product 794 (simple, 12 in stock, published) as a {@code product.*} delivery carries it: the REST API's product
     * JSON, here with another modification date, stock and status.
     */
    public static String product794(String dateModifiedGmt, int stockQuantity, String status) {
        ObjectNode product = (ObjectNode) JSON.readTree(read("products-page1.json")).get(0);
        product.put("date_modified_gmt", dateModifiedGmt).put("date_modified", dateModifiedGmt)
                .put("stock_quantity", stockQuantity).put("status", status);
        return JSON.writeValueAsString(product);
    }

    /** Order 727 (processing) as an {@code order.*} delivery carries it, with another status and date. */
    public static String order727(String dateModifiedGmt, String status) {
        ObjectNode order = (ObjectNode) JSON.readTree(read("orders.json")).get(0);
        order.put("date_modified_gmt", dateModifiedGmt).put("date_modified", dateModifiedGmt).put("status", status);
        return JSON.writeValueAsString(order);
    }

    /** The webhooks API of a store with none yet: listing, creating and changing answer like WooCommerce. */
    public static void stubWebhookApi(WireMockServer store) {
        store.stubFor(get(urlPathEqualTo(WEBHOOKS)).willReturn(webhooks(List.of(), 0, 0)));
        store.stubFor(post(urlPathEqualTo(WEBHOOKS)).willReturn(json("webhook-created.json").withStatus(201)));
        store.stubFor(put(urlPathMatching(WEBHOOKS + "/\\d+")).willReturn(json("webhook-created.json")));
    }

    /** A webhook as {@code GET /webhooks} lists it (the documentation's example, with these values). */
    public static ObjectNode webhook(long id, String topic, String status, String deliveryUrl) {
        ObjectNode webhook = (ObjectNode) JSON.readTree(read("webhook-created.json"));
        webhook.put("id", id).put("name", "Baton: " + topic).put("topic", topic).put("status", status)
                .put("delivery_url", deliveryUrl).put("resource", topic.substring(0, topic.indexOf('.')))
                .put("event", topic.substring(topic.indexOf('.') + 1));
        webhook.withObject("_links").withArray("self").removeAll();
        webhook.withObject("_links").withArray("self").addObject()
                .put("href", "https://example.com/wp-json/wc/v3/webhooks/" + id);
        return webhook;
    }

    /** One page of {@code GET /webhooks}. */
    public static ResponseDefinitionBuilder webhooks(List<ObjectNode> webhooks, int total, int totalPages) {
        ArrayNode page = JSON.createArrayNode();
        webhooks.forEach(page::add);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("X-WP-Total", String.valueOf(total)).withHeader("X-WP-TotalPages", String.valueOf(totalPages))
                .withBody(JSON.writeValueAsString(page));
    }

    /** WooCommerce's answer to a write with keys that may only read. */
    public static ResponseDefinitionBuilder readOnlyKey() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"The API key provided "
                        + "does not have write permissions.\",\"data\":{\"status\":401}}");
    }

    public static ResponseDefinitionBuilder listing(String file, int total, int totalPages) {
        return json(file).withHeader("X-WP-Total", String.valueOf(total))
                .withHeader("X-WP-TotalPages", String.valueOf(totalPages));
    }

    public static ResponseDefinitionBuilder json(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(read(file));
    }

    /** WooCommerce's answer to keys it does not know. */
    public static ResponseDefinitionBuilder invalidKey() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is invalid.\","
                        + "\"data\":{\"status\":401}}");
    }

    public static String read(String file) {
        try (InputStream in = WooCommerceFixtures.class.getResourceAsStream("/woocommerce/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
