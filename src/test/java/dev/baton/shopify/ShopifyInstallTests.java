package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.BatonPrincipal;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The one-click install against WireMock playing Shopify's OAuth endpoints: the happy path and every rejection. */
@DirtiesContext
@SpringBootTest
@AutoConfigureMockMvc
class ShopifyInstallTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    static final String SECRET = "shpss_test_secret";
    static final String SHOP = "snowdevil.myshopify.com";

    static {
        shopify.start();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    UUID accountId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.shopify.base-url", shopify::baseUrl);
        registry.add("baton.shopify.api-key", () -> "baton-client-id");
        registry.add("baton.shopify.api-secret", () -> SECRET);
        registry.add("baton.shopify.retry-delay", () -> "50ms");
        registry.add("baton.shopify.max-retry-duration", () -> "2s");
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @BeforeEach
    void setUp() {
        shopify.resetAll();
        shopify.stubFor(post(urlEqualTo("/admin/oauth/access_token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"access_token": "shpat_from_oauth", "scope": "read_products,read_orders",
                         "expires_in": 86399, "refresh_token": "shprt_from_oauth", "refresh_token_expires_in": 7775999}""")));
        shopify.stubFor(post(urlEqualTo("/admin/api/2026-10/graphql.json")).willReturn(aResponse().withStatus(503)));
        accountId = accounts.create("Install test store").id();
    }

    @Test
    void installSendsTheOwnerToShopifysConsentScreenWithASingleUseState() throws Exception {
        String location = install(SHOP);

        var uri = UriComponentsBuilder.fromUriString(location).build();
        assertThat(location).startsWith(shopify.baseUrl() + "/admin/oauth/authorize");
        assertThat(uri.getQueryParams().getFirst("client_id")).isEqualTo("baton-client-id");
        assertThat(uri.getQueryParams().getFirst("scope")).contains("read_products");
        assertThat(uri.getQueryParams().getFirst("redirect_uri")).isEqualTo("http://localhost/shopify/callback");
        assertThat(uri.getQueryParams().getFirst("state")).hasSize(48);
    }

    @Test
    void aShopDomainThatIsNotShopifysIsRefusedWith400() throws Exception {
        mvc.perform(asOwner(get("/shopify/install").param("shop", "evil.example.com")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aSignedCallbackWithTheLiveStateConnectsTheStoreWithAnEncryptedExpiringToken() throws Exception {
        String state = stateOf(install(SHOP));

        mvc.perform(get("/shopify/callback").params(signed(callback(SHOP, state), SECRET)))
                .andExpect(status().isFound());

        Map<String, Object> stored = jdbc.sql("select access_token, refresh_token, token_expires_at from shopify_store "
                + "where account_id = :account").param("account", accountId).query().singleRow();
        assertThat((String) stored.get("access_token")).startsWith("v1:").doesNotContain("shpat_from_oauth");
        assertThat((String) stored.get("refresh_token")).startsWith("v1:").doesNotContain("shprt_from_oauth");
        assertThat(stored.get("token_expires_at")).isNotNull();
        shopify.verify(postRequestedFor(urlEqualTo("/admin/oauth/access_token"))
                .withRequestBody(matchingJsonPath("$.client_id", equalTo("baton-client-id")))
                .withRequestBody(matchingJsonPath("$.client_secret", equalTo(SECRET)))
                .withRequestBody(matchingJsonPath("$.code", equalTo("auth-code-123")))
                .withRequestBody(matchingJsonPath("$.expiring", equalTo("1"))));
        // The first sync starts right away, with the token Shopify gave.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> shopify.verify(
                postRequestedFor(urlEqualTo("/admin/api/2026-10/graphql.json"))
                        .withHeader("X-Shopify-Access-Token", equalTo("shpat_from_oauth"))));
    }

    @Test
    void aReplayedCallbackIsRefusedBecauseTheStateWasUsed() throws Exception {
        var query = signed(callback(SHOP, stateOf(install(SHOP))), SECRET);
        mvc.perform(get("/shopify/callback").params(query)).andExpect(status().isFound());

        mvc.perform(get("/shopify/callback").params(query)).andExpect(status().isUnauthorized());
    }

    @Test
    void aBadSignatureAnUnknownStateOrAnotherShopsStateStoreNothing() throws Exception {
        String state = stateOf(install(SHOP));

        mvc.perform(get("/shopify/callback").params(signed(callback(SHOP, state), "not-the-secret")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/shopify/callback").params(signed(callback(SHOP, "0123456789abcdef"), SECRET)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/shopify/callback").params(signed(callback("other.myshopify.com", stateOf(install(SHOP))), SECRET)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/shopify/callback").params(signed(callback("not a shop", state), SECRET)))
                .andExpect(status().isBadRequest());

        assertThat(jdbc.sql("select count(*) from store_integration where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isZero();
        shopify.verify(0, postRequestedFor(urlEqualTo("/admin/oauth/access_token")));
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        String state = stateOf(install(SHOP));
        jdbc.sql("update shopify_oauth_state set expires_at = :past where state = :state")
                .param("past", OffsetDateTime.now().minusMinutes(1)).param("state", state).update();

        mvc.perform(get("/shopify/callback").params(signed(callback(SHOP, state), SECRET)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiringTokenIsRefreshedBeforeItIsUsed() throws Exception {
        shopify.stubFor(post(urlEqualTo("/admin/oauth/access_token")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"access_token": "shpat_refreshed", "scope": "read_products", "expires_in": 86399,
                                 "refresh_token": "shprt_next", "refresh_token_expires_in": 7775999}""")));
        shopify.stubFor(post(urlEqualTo("/admin/oauth/access_token")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.code", containing("auth-code")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"access_token": "shpat_about_to_expire", "scope": "read_products", "expires_in": 60,
                                 "refresh_token": "shprt_first", "refresh_token_expires_in": 7775999}""")));

        mvc.perform(get("/shopify/callback").params(signed(callback(SHOP, stateOf(install(SHOP))), SECRET)))
                .andExpect(status().isFound());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> shopify.verify(
                postRequestedFor(urlEqualTo("/admin/api/2026-10/graphql.json"))
                        .withHeader("X-Shopify-Access-Token", equalTo("shpat_refreshed"))));
        shopify.verify(postRequestedFor(urlEqualTo("/admin/oauth/access_token"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo("shprt_first"))));
    }

    private String install(String shop) throws Exception {
        return mvc.perform(asOwner(get("/shopify/install").param("shop", shop)))
                .andExpect(status().isFound()).andReturn().getResponse().getHeader("Location");
    }

    private MockHttpServletRequestBuilder asOwner(MockHttpServletRequestBuilder request) {
        var principal = new BatonPrincipal(accountId, null, "owner", Role.OWNER);
        return request.with(authentication(new UsernamePasswordAuthenticationToken(principal, null,
                AuthorityUtils.createAuthorityList("ROLE_OWNER"))));
    }

    private static String stateOf(String location) {
        return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("state");
    }

    private static Map<String, String> callback(String shop, String state) {
        return new TreeMap<>(Map.of("code", "auth-code-123", "shop", shop, "state", state,
                "timestamp", "1764000000", "host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvc25vd2Rldmls"));
    }

    /** Signs the way Shopify does: hex HMAC-SHA256 over the sorted parameters. */
    private static org.springframework.util.MultiValueMap<String, String> signed(Map<String, String> query, String secret)
            throws Exception {
        String message = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        query.forEach(params::add);
        params.add("hmac", HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8))));
        return params;
    }
}
