package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A small Shopify store on WireMock, answering the GraphQL Admin API with the fixtures in /shopify. */
public final class ShopifyFixtures {

    public static final String GRAPHQL = "/admin/api/2026-10/graphql.json";
    static final String PAGE_2_CURSOR = "eyJsYXN0X2lkIjoxMDEsImxhc3RfdmFsdWUiOiIxMDEifQ==";

    private ShopifyFixtures() {
    }

    /** Snowdevil: 3 products over 2 pages (one a draft), 3 policies (one empty), 1 order. */
    public static void stubStore(WireMockServer shopify) {
        shopify.stubFor(graphQl("query Shop").willReturn(json("shop.json")));
        shopify.stubFor(graphQl("query Counts").willReturn(json("counts.json")));
        shopify.stubFor(graphQl("query Products").atPriority(5).willReturn(json("products-page1.json")));
        shopify.stubFor(productsPage2().atPriority(4).willReturn(json("products-page2.json")));
        shopify.stubFor(graphQl("query Variants").atPriority(5).willReturn(json("variants-page1.json")));
        shopify.stubFor(graphQl("query Variants").atPriority(4)
                .withRequestBody(matchingJsonPath("$.variables.query", containing("product_id:103")))
                .willReturn(json("variants-page2.json")));
        shopify.stubFor(graphQl("query Policies").willReturn(json("policies.json")));
        shopify.stubFor(graphQl("query Orders").willReturn(json("orders.json")));
    }

    public static MappingBuilder productsPage2() {
        return graphQl("query Products").withRequestBody(matchingJsonPath("$.variables.after", equalTo(PAGE_2_CURSOR)));
    }

    public static MappingBuilder graphQl(String operation) {
        return post(urlEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.query", containing(operation)));
    }

    public static ResponseDefinitionBuilder json(String fixture) {
        return json(fixture, body -> body);
    }

    public static ResponseDefinitionBuilder json(String fixture, UnaryOperator<String> edit) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(edit.apply(read(fixture)));
    }

    public static String read(String fixture) {
        try (var in = ShopifyFixtures.class.getResourceAsStream("/shopify/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
