package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.BatonPrincipal;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shopify.StoreApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one-click connect against WireMock answering like a WooCommerce store: the redirect to {@code /wc-auth}, the
 * store's server-to-server post of the keys to the callback (no session, JSON shaped as {@code WC_Auth::create_keys}
 * builds it), the owner's return, and every refusal.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WooCommerceConnectTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    static final String BATON = "https://baton.example.test";
    static final String KEY = "ck_8b8d0c5a4b3f1e9d2c7a6b5e4f3d2c1b0a9e8f7d";
    static final String SECRET = "cs_1f2e3d4c5b6a7988a7b6c5d4e3f2a1b0c9d8e7f6";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    static {
        woo.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    UUID accountId;
    StoreApi store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.public-url", () -> BATON + "/");
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "2s");
    }

    @AfterAll
    static void stop() {
        woo.stop();
    }

    @BeforeEach
    void newAccountAndStore() {
        woo.resetAll();
        WooCommerceFixtures.stubStore(woo);
        var account = accounts.create("WooCommerce connect test store");
        accountId = account.id();
        store = new StoreApi(port, account.apiKey());
    }

    @Test
    void connectSendsTheOwnerToTheStoresAuthorizeScreenWithEveryParameter() throws Exception {
        String location = connect(storeUrl() + "/");

        assertThat(location).startsWith(storeUrl() + "/wc-auth/v1/authorize?");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("app_name", "Baton").containsEntry("scope", "read")
                .containsEntry("return_url", BATON + "/woocommerce/return")
                .containsEntry("callback_url", BATON + "/woocommerce/callback");
        String nonce = query.get("user_id");
        assertThat(nonce).matches("[0-9a-f]{48}");
        Map<String, Object> issued = jdbc.sql("select account_id, store_url, expires_at from woocommerce_connect_nonce "
                + "where nonce = :nonce").param("nonce", nonce).query().singleRow();
        assertThat(issued).containsEntry("account_id", accountId).containsEntry("store_url", storeUrl());
        assertThat(((OffsetDateTime) issued.get("expires_at")).toInstant())
                .isBetween(OffsetDateTime.now().plusMinutes(14).toInstant(), OffsetDateTime.now().plusMinutes(16).toInstant());
    }

    @Test
    void aBadStoreAddressGoesBackToTheKnowledgePageWithAReadableError() throws Exception {
        mvc.perform(asOwner(MockMvcRequestBuilders.get("/woocommerce/connect")
                        .param("store", "ftp://shop.example.com")))
                .andExpect(redirectedUrl("/knowledge"))
                .andExpect(flash().attribute("error", containsString("must start with https://")));
        mvc.perform(asOwner(MockMvcRequestBuilders.get("/woocommerce/connect")
                        .param("store", "https://admin:secret@shop.example.com")))
                .andExpect(redirectedUrl("/knowledge"))
                .andExpect(flash().attribute("error", containsString("must not contain a user name or password")));

        assertThat(jdbc.sql("select count(*) from woocommerce_connect_nonce where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isZero();
    }

    @Test
    void theCallbackWithALiveNonceStoresTheKeysEncryptedAndStartsASyncThatSucceeds() throws Exception {
        String nonce = nonceOf(connect(storeUrl()));

        ResponseEntity<Map<String, Object>> answer = postKeys(nonce, KEY, SECRET);

        // WooCommerce deletes the keys unless the answer is exactly 200.
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> stored = jdbc.sql("select consumer_key, consumer_secret, store_url from woocommerce_store "
                + "where account_id = :account").param("account", accountId).query().singleRow();
        assertThat((String) stored.get("consumer_key")).startsWith("v1:").doesNotContain("ck_").doesNotContain(KEY.substring(3));
        assertThat((String) stored.get("consumer_secret")).startsWith("v1:").doesNotContain("cs_").doesNotContain(SECRET.substring(3));
        assertThat(stored).containsEntry("store_url", storeUrl());
        // The keys were checked with the store before anything was kept (plain HTTP: OAuth-signed with the key).
        woo.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/settings/general"))
                .withQueryParam("oauth_consumer_key", equalTo(KEY)));

        Map<String, Object> job = store.awaitJob(answer.getBody().get("syncJobId"), "SUCCEEDED");
        assertThat(job).containsEntry("total", 4).containsEntry("done", 4);
        assertThat(store.integration(answer.getBody().get("id"))).containsEntry("platform", "WOOCOMMERCE")
                .containsEntry("connected", true);
        assertThat(nonceCount()).isZero();

        mvc.perform(asOwner(returned("1", nonce)))
                .andExpect(redirectedUrl("/knowledge"))
                .andExpect(flash().attribute("message", allOf(containsString("Connected " + storeUrl()),
                        containsString("first sync has started"))));
    }

    @Test
    void aReplayedNonceIsRefusedAndStoresNothingMore() throws Exception {
        String nonce = nonceOf(connect(storeUrl()));
        assertThat(postKeys(nonce, KEY, SECRET).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<Map<String, Object>> replay = postKeys(nonce, "ck_replayed", "cs_replayed");

        assertThat(replay.getStatusCode().value()).isEqualTo(401);
        assertThat(replay.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat((String) replay.getBody().get("detail")).contains("expired or was already used");
        assertThat(jdbc.sql("select count(*) from woocommerce_store where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from store_integration where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isEqualTo(1);
        woo.verify(0, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/settings/general"))
                .withQueryParam("oauth_consumer_key", equalTo("ck_replayed")));
    }

    @Test
    void anExpiredNonceIsRefusedAndTheOwnerIsToldTheLinkExpired() throws Exception {
        String nonce = nonceOf(connect(storeUrl()));
        jdbc.sql("update woocommerce_connect_nonce set expires_at = :past where nonce = :nonce")
                .param("past", OffsetDateTime.now().minusSeconds(1)).param("nonce", nonce).update();

        ResponseEntity<Map<String, Object>> refused = postKeys(nonce, KEY, SECRET);

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertNothingStored();
        woo.verify(0, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/settings/general")));
        mvc.perform(asOwner(returned("1", nonce)))
                .andExpect(redirectedUrl("/knowledge"))
                .andExpect(flash().attribute("error", containsString("connect link had expired")));
    }

    @Test
    void anUnknownNonceIsRefusedAndStoresNothing() {
        ResponseEntity<Map<String, Object>> refused = postKeys("0123456789abcdef0123456789abcdef0123456789abcdef", KEY, SECRET);

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertNothingStored();
        woo.verify(0, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/settings/general")));
    }

    @Test
    void keysTheStoreRefusesAreRefusedAndNothingIsStored() throws Exception {
        woo.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).atPriority(1)
                .withQueryParam("oauth_consumer_key", equalTo(KEY)).willReturn(WooCommerceFixtures.invalidKey()));
        String nonce = nonceOf(connect(storeUrl()));

        ResponseEntity<Map<String, Object>> refused = postKeys(nonce, KEY, SECRET);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat((String) refused.getBody().get("detail")).contains("refused the REST API keys")
                .contains("(HTTP 401: Consumer key is invalid).");
        assertNothingStored();
        // The nonce went with the attempt: WooCommerce deleted those keys, so the owner starts again.
        assertThat(postKeys(nonce, KEY, SECRET).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aSecondStoreOnAnAccountThatAlreadyHasOneIsAClearConflict() throws Exception {
        String earlierNonce = nonceOf(connect(storeUrl()));
        var first = store.client().post().uri("/api/v1/integrations/woocommerce").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", storeUrl(), "consumerKey", "ck_first", "consumerSecret", "cs_first"))
                .retrieve().toEntity(OBJECT);
        assertThat(first.getStatusCode().value()).isEqualTo(201);

        mvc.perform(asOwner(MockMvcRequestBuilders.get("/woocommerce/connect")
                        .param("store", storeUrl())))
                .andExpect(redirectedUrl("/knowledge"))
                .andExpect(flash().attribute("error", containsString("already has a store connected")));
        ResponseEntity<Map<String, Object>> conflict = postKeys(earlierNonce, KEY, SECRET);

        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat((String) conflict.getBody().get("detail")).contains("already has a store connected");
        assertThat(jdbc.sql("select count(*) from woocommerce_store where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOwnerWhoDeclinesAtTheStoreIsToldSoAndTheNonceDies() throws Exception {
        String nonce = nonceOf(connect(storeUrl()));

        mvc.perform(asOwner(returned("0", nonce)))
                .andExpect(redirectedUrl("/knowledge"))
                .andExpect(flash().attribute("error", containsString("declined at the store")));

        assertThat(nonceCount()).isZero();
        assertThat(postKeys(nonce, KEY, SECRET).getStatusCode().value()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aCallbackWithoutTheKeysIsABadRequest() throws Exception {
        String nonce = nonceOf(connect(storeUrl()));

        ResponseEntity<Map<String, Object>> refused = http().post().uri("/woocommerce/callback")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"key_id\": 7, \"user_id\": \"" + nonce + "\", \"key_permissions\": \"read\"}")
                .retrieve().toEntity(OBJECT);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("detail")).contains("consumer_key");
        assertNothingStored();
    }

    String storeUrl() {
        return "http://localhost:" + woo.port();
    }

    /** {@code GET /woocommerce/connect} as the signed-in owner; answers where Baton sends them. */
    String connect(String storeUrl) throws Exception {
        return mvc.perform(asOwner(MockMvcRequestBuilders
                        .get("/woocommerce/connect").param("store", storeUrl)))
                .andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");
    }

    static MockHttpServletRequestBuilder returned(String success, String nonce) {
        return MockMvcRequestBuilders.get("/woocommerce/return")
                .param("success", success).param("user_id", nonce);
    }

    /** What WooCommerce posts to callback_url ({@code WC_Auth::post_consumer_data}): no session, no CSRF token. */
    ResponseEntity<Map<String, Object>> postKeys(String nonce, String key, String secret) {
        String body = """
                {"key_id":12,"user_id":"%s","consumer_key":"%s","consumer_secret":"%s","key_permissions":"read"}"""
                .formatted(nonce, key, secret);
        return http().post().uri("/woocommerce/callback").header("Content-Type", "application/json;charset=UTF-8")
                .body(body).retrieve().toEntity(OBJECT);
    }

    RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    static String nonceOf(String location) {
        return query(location).get("user_id");
    }

    static Map<String, String> query(String location) {
        return UriComponentsBuilder.fromUriString(location).build().getQueryParams().toSingleValueMap().entrySet()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
    }

    long nonceCount() {
        return jdbc.sql("select count(*) from woocommerce_connect_nonce where account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    void assertNothingStored() {
        assertThat(jdbc.sql("select count(*) from woocommerce_store where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from store_integration where account_id = :account")
                .param("account", accountId).query(Long.class).single()).isZero();
    }

    MockHttpServletRequestBuilder asOwner(MockHttpServletRequestBuilder request) {
        return request.with(authentication(new UsernamePasswordAuthenticationToken(
                new BatonPrincipal(accountId, null, "owner", Role.OWNER), null,
                AuthorityUtils.createAuthorityList("ROLE_OWNER"))));
    }
}
