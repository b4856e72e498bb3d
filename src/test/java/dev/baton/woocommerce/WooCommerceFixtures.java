package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A WooCommerce store on WireMock, answering with the REST API v3 documentation's example shapes
 * (src/test/resources/woocommerce): two pages of published products (a simple one with HTML and shortcodes, a
 * variable one), its variations, orders, settings, the site's title and two policy pages.
 */
public final class WooCommerceFixtures {

    public static final String PRODUCTS = "/wp-json/wc/v3/products";
    public static final String MAINTENANCE_PAGE = """
            <!DOCTYPE html><html><head><title>Briefly unavailable for scheduled maintenance</title></head>
            <body><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></body></html>""";

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
