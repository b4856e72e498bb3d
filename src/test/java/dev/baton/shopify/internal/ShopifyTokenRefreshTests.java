package dev.baton.shopify.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shopify.ShopifyFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shopify's refresh tokens are single-use. Two callers (two nodes: the lock is PostgreSQL's, not the JVM's) that
 * find the same token about to expire renew it once, and both use the new token.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopifyTokenRefreshTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());

    static {
        shopify.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ShopifyTokens tokens;

    @Autowired
    ShopifyStoreRepository stores;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "token_refresh");
        registry.add("baton.shopify.base-url", shopify::baseUrl);
        registry.add("baton.shopify.api-key", () -> "baton-client-id");
        registry.add("baton.shopify.api-secret", () -> "baton-client-secret");
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @Test
    void twoCallersRenewingTheSameExpiringTokenAtOnceRenewItOnceAndBothUseTheNewOne() throws Exception {
        ShopifyFixtures.stubStore(shopify);
        var account = accounts.create("Token race store");
        Map<String, Object> connected = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + account.apiKey()).build()
                .post().uri("/api/v1/integrations/shopify").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("shop", "racing.myshopify.com", "accessToken", "shpat_first")).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        UUID integrationId = UUID.fromString((String) connected.get("id"));
        stores.updateTokens(new ShopifyStore(integrationId, account.id(), "racing.myshopify.com", "shpat_expiring",
                "shprt_single_use", OffsetDateTime.now().plusMinutes(1), null), null);
        // Like Shopify: the refresh token works once (slowly), and is refused after that.
        shopify.stubFor(refresh().inScenario("single use").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("used")
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_000).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"access_token": "shpat_renewed", "scope": "read_products", "expires_in": 86399,
                                 "refresh_token": "shprt_next", "refresh_token_expires_in": 7775999}""")));
        shopify.stubFor(refresh().inScenario("single use").whenScenarioStateIs("used")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token has already been used.\"}")));
        CyclicBarrier together = new CyclicBarrier(2);

        List<CompletableFuture<ShopifyStore>> callers = List.of(1, 2).stream()
                .map(caller -> CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return tokens.current(integrationId);
                }))
                .toList();

        assertThat(callers).allSatisfy(caller -> assertThat(caller.join().accessToken()).isEqualTo("shpat_renewed"));
        shopify.verify(1, postRequestedFor(urlEqualTo("/admin/oauth/access_token")));
        assertThat(stores.find(integrationId).orElseThrow().refreshToken()).isEqualTo("shprt_next");
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder refresh() {
        return post(urlEqualTo("/admin/oauth/access_token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo("shprt_single_use")));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
