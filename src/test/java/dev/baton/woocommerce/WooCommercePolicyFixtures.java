package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Policy pages on top of {@link WooCommerceFixtures#stubStore}: that store publishes a refunds page (found by its
 * slug) and a terms page (named in the advanced settings) but no page Baton recognises as its shipping or privacy
 * policy. Its shipping policy is the page "Delivery &amp; Shipping" (slug {@code delivery}), which the owner picks
 * from the published pages, listed in two pages of the WordPress REST API's answer.
 */
final class WooCommercePolicyFixtures {

    static final String PAGES = "/wp-json/wp/v2/pages";
    static final long DELIVERY_PAGE = 57;

    private WooCommercePolicyFixtures() {
    }

    /** The published pages (the listing with {@code _fields}) and the delivery page; page 999 does not exist. */
    static void stubPublishedPages(WireMockServer store) {
        store.stubFor(get(urlPathEqualTo(PAGES)).withQueryParam("_fields", equalTo("id,title,link,slug"))
                .withQueryParam("page", equalTo("1")).atPriority(1)
                .willReturn(WooCommerceFixtures.json("pages-published-1.json").withHeader("X-WP-Total", "5")
                        .withHeader("X-WP-TotalPages", "2")));
        store.stubFor(get(urlPathEqualTo(PAGES)).withQueryParam("_fields", equalTo("id,title,link,slug"))
                .withQueryParam("page", equalTo("2")).atPriority(1)
                .willReturn(WooCommerceFixtures.json("pages-published-2.json").withHeader("X-WP-Total", "5")
                        .withHeader("X-WP-TotalPages", "2")));
        store.stubFor(get(urlPathEqualTo(PAGES + "/" + DELIVERY_PAGE)).willReturn(WooCommerceFixtures.json("page-delivery.json")));
        store.stubFor(get(urlPathEqualTo(PAGES + "/999")).willReturn(invalidPostId()));
    }

    /** WooCommerce's Accounts &amp; Privacy settings naming page 3 as the privacy page, and that page. */
    static void stubPrivacySetting(WireMockServer store) {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/account"))
                .willReturn(WooCommerceFixtures.json("settings-account.json")));
        store.stubFor(get(urlPathEqualTo(PAGES + "/3")).willReturn(WooCommerceFixtures.json("page-privacy.json")));
    }

    /** WordPress's answer for a page id it does not have. */
    static ResponseDefinitionBuilder invalidPostId() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"code\":\"rest_post_invalid_id\",\"message\":\"Invalid post ID.\",\"data\":{\"status\":404}}");
    }
}
