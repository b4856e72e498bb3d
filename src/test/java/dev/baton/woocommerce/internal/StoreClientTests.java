package dev.baton.woocommerce.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.WooCommerceFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST API client against a WireMock store: paging, retries, failures, and both ways of authenticating. */
class StoreClientTests {

    static final WireMockServer store = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    static final String KEY = "ck_4d1c9a8e4c0c7b0b9c7e5f1a2b3c4d5e6f7a8b9c";
    static final String SECRET = "cs_0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3";

    final WooCommerceProperties properties = new WooCommerceProperties(true, 100, Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(20));
    final WooCommerceClients clients = new WooCommerceClients(properties, builder -> trustingAnyCertificate(builder));

    @BeforeAll
    static void start() {
        store.start();
    }

    @AfterAll
    static void stop() {
        store.stop();
    }

    @BeforeEach
    void reset() {
        store.resetAll();
        WooCommerceFixtures.stubStore(store);
    }

    StoreClient plainHttp() {
        return clients.forStore(StoreAddress.of("http://localhost:" + store.port(), true), KEY, SECRET);
    }

    StoreClient https() {
        return clients.forStore(StoreAddress.of("https://localhost:" + store.httpsPort(), true), KEY, SECRET);
    }

    @Test
    void productsArePagedByTheTotalPagesHeaderAndVariationsReadForVariableProducts() {
        StoreClient client = plainHttp();

        var first = client.products(1);
        var second = client.products(2);

        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.items()).extracting(p -> p.name()).containsExactly("Premium Quality");
        assertThat(second.items()).extracting(p -> p.type()).containsExactly("variable");
        assertThat(client.variations(799)).extracting(v -> v.sku()).containsExactly("SYI-GREEN", "SYI-BLACK");
        store.verify(getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("status", equalTo("publish")).withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void plainHttpIsSignedWithOAuthHmacSha256AsWooCommerceChecksIt() throws Exception {
        // An email: '@' is a reserved character, where WooCommerce's string to sign differs from RFC 5849's.
        plainHttp().ordersByEmail("john.doe@example.com");

        LoggedRequest request = store.findAll(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders"))).get(0);
        assertThat(request.getHeader("Authorization")).isNull();
        Map<String, String> query = query(request.getUrl());
        assertThat(query).containsEntry("oauth_consumer_key", KEY).containsEntry("oauth_signature_method", "HMAC-SHA256")
                .containsKeys("oauth_nonce", "oauth_timestamp").containsEntry("search", "john.doe@example.com");
        assertThat(query.get("oauth_signature"))
                .isEqualTo(wooCommerceSignature("GET", "http://localhost:" + store.port() + "/wp-json/wc/v3/orders", query));
    }

    @Test
    void httpsUsesBasicAuthenticationAndNoSignature() {
        https().generalSettings();

        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/settings/general"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8))))
                .withQueryParam("oauth_signature", absent()));
    }

    @Test
    void policyPagesAreReadWithoutCredentials() {
        PolicyPages pages = new PolicyPages(https());
        var policies = PolicyPages.TYPES.stream().map(type -> pages.look(type, 0).policy())
                .flatMap(java.util.Optional::stream).toList();

        assertThat(policies).extracting(Policy::type).containsExactly(PolicyType.REFUND_POLICY, PolicyType.TERMS_OF_SERVICE);
        Policy terms = policies.get(1);
        assertThat(terms.title()).isEqualTo("Terms & Conditions");
        assertThat(terms.body()).isEqualTo("By ordering you agree to these terms.\n\n- Prices include VAT.\n- Orders ship within 2 days.");
        assertThat(policies.get(0).body()).doesNotContain("[woocommerce_my_account]").contains("lasts 30 days");
        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages/41")).withHeader("Authorization", absent()));
    }

    @Test
    void rateLimitedAnswersAreRetriedUntilTheStoreAnswers() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).atPriority(1).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("Too Many Requests")));

        assertThat(plainHttp().orders(1).items()).hasSize(2);
        store.verify(2, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")));
    }

    @Test
    void aRetryAfterIsWaitedForBeforeTheRetry() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).atPriority(1).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("Too Many Requests")));

        assertThat(plainHttp().orders(1).items()).hasSize(2);

        var requests = store.findAll(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")));
        assertThat(requests).hasSize(2);
        // The back-off alone would wait 20 ms; the store asked for a second.
        assertThat(Duration.between(requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheRetryLimitFailsAtOnceSayingSo() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120").withBody("Too Many Requests")));

        assertThatThrownBy(() -> plainHttp().orders(1)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("asked Baton to wait 120 seconds (Retry-After)")
                .hasMessageContaining("retry limit of 2 seconds");
        store.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")));
    }

    @Test
    void aRetryAfterIsReadAsSecondsOrAsAnHttpDate() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2015-10-21T07:27:30Z"), java.time.ZoneOffset.UTC);
        RetryingCalls calls = new RetryingCalls(properties, clock);

        assertThat(calls.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(calls.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(calls.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT")).isZero();
        assertThat(calls.retryAfter("soon")).isZero();
        assertThat(calls.retryAfter(null)).isZero();
    }

    @Test
    void anOrderIsFoundByItsNumberOnlyWhenTheNumberIsExactlyIt() {
        // WooCommerce's search is broad: it answers both orders for "723" (an address, an item could match).
        assertThat(plainHttp().orderByNumber("#723")).map(order -> order.id()).contains(723L);
        assertThat(plainHttp().orderByNumber("72")).isEmpty();

        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("search", equalTo("723"))
                .withQueryParam("status", equalTo("any")));
    }

    @Test
    void ordersAreFoundByTheCustomersEmailInAnyCase() {
        assertThat(plainHttp().ordersByEmail("John.Doe@Example.com")).extracting(order -> order.id())
                .containsExactly(727L);

        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .withQueryParam("search", equalTo("John.Doe@Example.com")));
    }

    @Test
    void changedItemsAreAskedForWithAGmtModifiedAfter() {
        var after = java.time.OffsetDateTime.parse("2026-01-10T09:30:15.123+01:00");

        plainHttp().changedProducts("any", after, 1);
        plainHttp().changedOrders(after, 1);

        store.verify(getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("modified_after", equalTo("2026-01-10T08:30:15"))
                .withQueryParam("dates_are_gmt", equalTo("true")).withQueryParam("status", equalTo("any")));
        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .withQueryParam("modified_after", equalTo("2026-01-10T08:30:15"))
                .withQueryParam("dates_are_gmt", equalTo("true")));
    }

    @Test
    void orderNotesAreRead() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders/723/notes"))
                .willReturn(WooCommerceFixtures.json("order-notes.json")));

        assertThat(plainHttp().orderNotes(723)).extracting(note -> note.id()).containsExactly(282L, 281L, 280L, 279L);
    }

    @Test
    void theSiteTitleIsReadWithoutCredentialsAndDecoded() {
        assertThat(https().siteName()).contains("Porto Tees & Co");

        store.verify(getRequestedFor(urlPathEqualTo("/wp-json/")).withHeader("Authorization", absent()));
    }

    @Test
    void aSiteWhoseIndexCannotBeReadHasNoName() {
        store.stubFor(get(urlPathEqualTo("/wp-json/")).atPriority(1).willReturn(aResponse().withStatus(404)));

        assertThat(plainHttp().siteName()).isEmpty();
    }

    @Test
    void aMaintenancePageFailsWithAClearReason() {
        store.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody(WooCommerceFixtures.MAINTENANCE_PAGE)));

        assertThatThrownBy(() -> plainHttp().products(1)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("a page titled 'Briefly unavailable for scheduled maintenance'")
                .hasMessageContaining("instead of the REST API's JSON");
        store.verify(1, getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)));
    }

    @Test
    void aMaintenance503IsRetriedThenFailsWithAClearReason() {
        store.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                        .withBody(WooCommerceFixtures.MAINTENANCE_PAGE)));

        assertThatThrownBy(() -> plainHttp().products(1)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("maintenance")
                .hasMessageContaining("kept failing past the retry limit");
        assertThat(store.findAll(getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))).size()).isGreaterThan(1);
    }

    @Test
    void aStoreThatDoesNotAnswerInTimeFailsWithATimeout() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).atPriority(1)
                .willReturn(WooCommerceFixtures.json("settings-general.json").withFixedDelay(1500)));

        assertThatThrownBy(() -> plainHttp().generalSettings()).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("(timeout)");
    }

    @Test
    void refusedKeysFailAtOnceWithTheStoresReason() {
        store.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).atPriority(1)
                .willReturn(WooCommerceFixtures.invalidKey()));

        assertThatThrownBy(() -> plainHttp().checkKeys()).isInstanceOf(RetryingCalls.KeysRefused.class)
                .hasMessageContaining("refused the REST API keys (HTTP 401: Consumer key is invalid)");
        store.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/settings/general")));
    }

    /** WC_REST_Authentication::check_oauth_signature, rewritten: each name and value rawurlencoded once. */
    static String wooCommerceSignature(String method, String url, Map<String, String> query) throws Exception {
        Map<String, String> parameters = new TreeMap<>(query);
        parameters.remove("oauth_signature");
        String joined = parameters.entrySet().stream()
                .map(e -> rawUrlEncode(e.getKey()) + "%3D" + rawUrlEncode(e.getValue()))
                .collect(Collectors.joining("%26"));
        String toSign = method + "&" + rawUrlEncode(url) + "&" + joined;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    static String rawUrlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new TreeMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }

    /** WireMock's HTTPS port has a self-signed certificate; only this test trusts it. */
    static okhttp3.OkHttpClient.Builder trustingAnyCertificate(okhttp3.OkHttpClient.Builder builder) {
        try {
            X509TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return builder.sslSocketFactory(context.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
