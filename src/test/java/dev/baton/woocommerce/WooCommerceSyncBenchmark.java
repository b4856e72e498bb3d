package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.baton.BatonApplication;
import dev.baton.SyncBenchmarkFigures;
import dev.baton.TestStorage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.baton.SyncBenchmarkFigures.millis;
import static dev.baton.SyncBenchmarkFigures.perSecond;
import static dev.baton.SyncBenchmarkFigures.percentile;
import static dev.baton.SyncBenchmarkFigures.seconds;
import static dev.baton.SyncBenchmarkFigures.waitFor;
import static org.awaitility.Awaitility.await;

/**
 * WooCommerce sync benchmark: a whole Baton against a WireMock WooCommerce holding a generated catalog (a third of
 * the products variable, with three variations each), answering in the REST API v3's shapes, pages of 100 with
 * {@code X-WP-Total}/{@code X-WP-TotalPages}. A main class, not a test: it takes minutes.
 *
 * <p>It measures, per storage mode: the first full sync after connecting with keys, until the job succeeds and
 * until every product is searchable; an unchanged re-sync; and the latency from a {@code product.updated}
 * webhook's delivery (signed as WooCommerce signs it) to its new stock being returned by
 * {@code POST /api/v1/knowledge/search}.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.woocommerce.WooCommerceSyncBenchmark \
 *       -Dexec.args="5000 --modes=embedded,postgres --webhooks=100"
 * </pre>
 * PostgreSQL mode uses the test database of scripts/setup-postgres.sh (schema {@code bench_woo}, wiped first).
 */
public final class WooCommerceSyncBenchmark {

    private static final String API_KEY = "bench-woo-key";
    private static final String PRODUCTS = "/wp-json/wc/v3/products";
    private static final int PAGE = 100;
    private static final long FIRST_ID = 10_000L;
    private static final String[] ADJECTIVES = {"Alpine", "Glacier", "Summit", "Powder", "Carbon", "Storm", "Trail",
            "Ridge", "Arctic", "Canyon", "Desert", "Forest", "Harbor", "Island", "Meadow", "Nordic", "Ocean", "Prairie",
            "River", "Tundra"};
    private static final String[] NOUNS = {"Jacket", "Board", "Helmet", "Goggles", "Gloves", "Boots", "Backpack",
            "Tent", "Lantern", "Bottle", "Hoodie", "Beanie", "Socks", "Poles", "Skis", "Bindings", "Wax", "Stove",
            "Hammock", "Compass", "Parka", "Vest", "Scarf", "Mittens", "Sled"};
    private static final String[] MATERIALS = {"recycled nylon", "merino wool", "carbon fibre", "aluminium",
            "organic cotton", "Gore-Tex", "bamboo", "ripstop polyester"};
    private static final String[] SIZES = {"S", "M", "L"};
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final int products;
    private final int webhooks;
    private final WireMockServer woo = new WireMockServer(options().dynamicPort()
            .asynchronousResponseEnabled(true).containerThreads(16));

    private WooCommerceSyncBenchmark(int products, int webhooks) {
        this.products = products;
        this.webhooks = webhooks;
    }

    public static void main(String[] args) throws Exception {
        int products = 5_000;
        int webhooks = 100;
        List<String> modes = List.of("embedded");
        for (String arg : args) {
            if (arg.startsWith("--modes=")) {
                modes = Arrays.asList(arg.substring("--modes=".length()).split(","));
            } else if (arg.startsWith("--webhooks=")) {
                webhooks = Integer.parseInt(arg.substring("--webhooks=".length()));
            } else {
                products = Integer.parseInt(arg);
            }
        }
        WooCommerceSyncBenchmark benchmark = new WooCommerceSyncBenchmark(products, webhooks);
        List<Map<String, String>> rows = new ArrayList<>();
        benchmark.woo.start();
        try {
            benchmark.stubStore();
            for (String mode : modes) {
                rows.add(benchmark.run(mode));
            }
        } finally {
            benchmark.woo.stop();
        }
        SyncBenchmarkFigures.print(String.format("WooCommerce sync benchmark: %,d products (a third variable, 3 variations each)", products), rows);
        System.exit(0); // the ONNX runtime's threads would keep the JVM of exec:java alive
    }

    private Map<String, String> run(String mode) throws Exception {
        Map<String, Object> storage = "postgres".equals(mode) ? TestStorage.postgres("bench_woo", true) : TestStorage.embedded();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("mode", mode);
        try (ConfigurableApplicationContext baton = start(storage)) {
            RestClient api = api(baton);
            JdbcClient jdbc = JdbcClient.create(baton.getBean(DataSource.class));

            woo.resetRequests(); // the calls counted are this mode's full sync only
            Instant connectedAt = Instant.now();
            Map<String, Object> connected = api.post().uri("/api/v1/integrations/woocommerce")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("storeUrl", woo.baseUrl(), "consumerKey", "ck_bench", "consumerSecret", "cs_bench"))
                    .retrieve().body(OBJECT);
            Object jobId = connected.get("syncJobId");
            Duration firstSearchable = waitFor(Duration.ofMinutes(30), connectedAt, () -> !search(api, "warm jacket", 3).isEmpty());
            Duration synced = waitFor(Duration.ofMinutes(30), connectedAt, () -> "SUCCEEDED".equals(job(api, jobId).get("status")));
            long stored = jdbc.sql("select count(*) from catalog_product").query(Long.class).single();
            Duration indexed = waitFor(Duration.ofMinutes(60), connectedAt, () -> jdbc.sql(
                    "select count(*) from knowledge_source where origin = 'WOOCOMMERCE' and status = 'INDEXED'")
                    .query(Long.class).single() >= products);
            row.put("products stored", String.valueOf(stored));
            row.put("store calls in the full sync", String.valueOf(woo.getAllServeEvents().size()));
            row.put("first searchable product", seconds(firstSearchable));
            row.put("full sync, job done", seconds(synced) + " (" + perSecond(products, synced) + " products/s)");
            row.put("full sync, all searchable", seconds(indexed) + " (" + perSecond(products, indexed) + " products/s)");

            Instant resyncAt = Instant.now();
            Object again = api.post().uri("/api/v1/integrations/{id}/sync", connected.get("id")).retrieve().body(OBJECT).get("jobId");
            Duration resync = waitFor(Duration.ofMinutes(30), resyncAt, () -> "SUCCEEDED".equals(job(api, again).get("status")));
            row.put("unchanged re-sync", seconds(resync) + ", " + changedSince(jdbc, resyncAt) + " sources re-embedded");

            if (webhooks > 0) {
                List<Long> latencies = webhookLatencies(api, connected.get("id"));
                row.put("webhook to searchable p50", millis(percentile(latencies, 50)));
                row.put("webhook to searchable p95", millis(percentile(latencies, 95)));
                row.put("webhook to searchable max", millis(percentile(latencies, 100)));
            }
        }
        return row;
    }

    /**
     * One delivery at a time: a {@code product.updated} with a new stock for a simple product, signed with the
     * store's webhook secret as WooCommerce signs it, then searches until the new stock is returned.
     */
    private List<Long> webhookLatencies(RestClient api, Object integrationId) throws Exception {
        String secret = (String) api.get().uri("/api/v1/integrations/woocommerce/{id}/webhooks", integrationId)
                .retrieve().body(OBJECT).get("secret");
        // WooCommerce's deliveries carry no API key: the same server, without the bearer header.
        RestClient deliveries = api.mutate().defaultHeaders(headers -> headers.remove("Authorization")).build();
        List<Long> latencies = new ArrayList<>();
        for (int n = 0; n < webhooks; n++) {
            long index = (n * 97L) % products;
            if (variable(index)) {
                index = (index + 1) % products;
            }
            int stock = 100 + n;
            String body = write(product(index, stock, "2026-11-25T10:" + String.format(Locale.ROOT, "%02d:%02d", n / 60, n % 60)));
            long start = System.nanoTime();
            deliveries.post().uri("/webhooks/woocommerce/{id}", integrationId).contentType(MediaType.APPLICATION_JSON)
                    .header("X-WC-Webhook-Signature", sign(body, secret))
                    .header("X-WC-Webhook-Topic", "product.updated")
                    .header("X-WC-Webhook-Resource", "product")
                    .header("X-WC-Webhook-Event", "updated")
                    .header("X-WC-Webhook-ID", "31")
                    .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString().replace("-", ""))
                    .header("X-WC-Webhook-Source", woo.baseUrl() + "/")
                    .body(body).retrieve().toBodilessEntity();
            String title = title(index);
            String expected = "(" + stock + " available)";
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .alias("the webhook's stock for " + title + " becomes searchable")
                    .until(() -> search(api, title, 10).stream().anyMatch(hit -> title.equals(hit.get("title"))
                            && String.valueOf(hit.get("text")).contains(expected)));
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        return latencies;
    }

    private static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    // --- The store on WireMock ---------------------------------------------------------------------------------

    private void stubStore() {
        WooCommerceFixtures.stubStore(woo);
        WooCommerceFixtures.stubWebhookApi(woo);
        int pages = (products + PAGE - 1) / PAGE;
        for (int page = 1; page <= pages; page++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (long i = (long) (page - 1) * PAGE; i < Math.min(products, (long) page * PAGE); i++) {
                items.add(product(i, (int) ((i + 2) % 9), "2026-11-20T09:30:00"));
                if (variable(i)) {
                    woo.stubFor(get(urlPathEqualTo(PRODUCTS + "/" + (FIRST_ID + i) + "/variations"))
                            .willReturn(listing(variations(i), SIZES.length, 1)));
                }
            }
            woo.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo(String.valueOf(page))).atPriority(2)
                    .willReturn(listing(items, products, pages)));
        }
        woo.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("per_page", equalTo("1")).atPriority(1)
                .willReturn(listing(List.of(product(0, 3, "2026-11-20T09:30:00")), products, products)));
        woo.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).atPriority(1).willReturn(listing(List.of(), 0, 0)));
    }

    static boolean variable(long i) {
        return i % 3 == 0;
    }

    static String title(long i) {
        return ADJECTIVES[(int) (i % ADJECTIVES.length)] + " " + NOUNS[(int) ((i / ADJECTIVES.length) % NOUNS.length)] + " " + (i + 1);
    }

    /** A product as {@code GET /products} lists it, in the REST API v3 documentation's shape. */
    static Map<String, Object> product(long i, int stock, String modifiedGmt) {
        long id = FIRST_ID + i;
        String slug = title(i).toLowerCase(Locale.ROOT).replace(' ', '-');
        String price = price(i);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("name", title(i));
        product.put("slug", slug);
        product.put("permalink", "https://woo.example/product/" + slug + "/");
        product.put("date_created", "2026-09-01T10:00:00");
        product.put("date_created_gmt", "2026-09-01T10:00:00");
        product.put("date_modified", modifiedGmt);
        product.put("date_modified_gmt", modifiedGmt);
        product.put("type", variable(i) ? "variable" : "simple");
        product.put("status", "publish");
        product.put("featured", false);
        product.put("catalog_visibility", "visible");
        product.put("description", "<p>The " + title(i) + " is made of " + MATERIALS[(int) (i % MATERIALS.length)]
                + ", keeps you warm on long winter trips and packs small.</p>\n[gallery ids=\"1,2\"]\n<p>Designed in Canada; "
                + "tested on the " + ADJECTIVES[(int) ((i / 7) % ADJECTIVES.length)] + " trail.</p>");
        product.put("short_description", "<p>Warm, light, " + MATERIALS[(int) (i % MATERIALS.length)] + ".</p>");
        product.put("sku", "WB-" + id);
        product.put("price", price);
        product.put("regular_price", variable(i) ? "" : price);
        product.put("sale_price", "");
        product.put("on_sale", false);
        product.put("purchasable", true);
        product.put("manage_stock", !variable(i));
        product.put("stock_quantity", variable(i) ? null : stock);
        product.put("stock_status", stock > 0 || variable(i) ? "instock" : "outofstock");
        product.put("backorders", "no");
        product.put("categories", List.of(Map.of("id", 9, "name", NOUNS[(int) ((i / ADJECTIVES.length) % NOUNS.length)],
                "slug", NOUNS[(int) ((i / ADJECTIVES.length) % NOUNS.length)].toLowerCase(Locale.ROOT))));
        product.put("tags", List.of(Map.of("id", 30, "name", "winter", "slug", "winter")));
        product.put("attributes", variable(i) ? List.of(Map.of("id", 0, "name", "Size", "position", 0,
                "visible", true, "variation", true, "options", List.of(SIZES))) : List.of());
        List<Long> variationIds = new ArrayList<>();
        if (variable(i)) {
            for (int v = 0; v < SIZES.length; v++) {
                variationIds.add(id * 10 + v);
            }
        }
        product.put("variations", variationIds);
        product.put("meta_data", List.of());
        return product;
    }

    private static List<Map<String, Object>> variations(long i) {
        List<Map<String, Object>> variations = new ArrayList<>();
        for (int v = 0; v < SIZES.length; v++) {
            Map<String, Object> variation = new LinkedHashMap<>();
            variation.put("id", (FIRST_ID + i) * 10 + v);
            variation.put("date_modified_gmt", "2026-11-20T09:30:00");
            variation.put("sku", "WB-" + (FIRST_ID + i) + "-" + SIZES[v]);
            variation.put("price", price(i));
            variation.put("regular_price", price(i));
            variation.put("sale_price", "");
            variation.put("on_sale", false);
            variation.put("status", "publish");
            variation.put("manage_stock", true);
            variation.put("stock_quantity", (int) ((i + v) % 9));
            variation.put("stock_status", (i + v) % 9 > 0 ? "instock" : "outofstock");
            variation.put("backorders", "no");
            variation.put("attributes", List.of(Map.of("id", 0, "name", "Size", "option", SIZES[v])));
            variations.add(variation);
        }
        return variations;
    }

    private static String price(long i) {
        return String.format(Locale.ROOT, "%d.%02d", 20 + i % 380, (i * 7) % 100);
    }

    private static ResponseDefinitionBuilder listing(Object items, long total, long totalPages) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("X-WP-Total", String.valueOf(total)).withHeader("X-WP-TotalPages", String.valueOf(totalPages))
                .withBody(write(items));
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    // --- Baton ---------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext start(Map<String, Object> storage) {
        Map<String, Object> properties = new HashMap<>(storage);
        properties.put("server.port", "0");
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.woocommerce.allow-private-hosts", "true");
        // Webhooks are set up (and their secret made) only when Baton knows the address WooCommerce would call.
        properties.put("baton.public-url", "https://baton.example.com");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(BatonApplication.class).run(args);
    }

    private static RestClient api(ConfigurableApplicationContext baton) {
        return RestClient.builder().baseUrl("http://localhost:" + baton.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + API_KEY)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private static Map<String, Object> job(RestClient api, Object jobId) {
        return api.get().uri("/api/v1/sync-jobs/{id}", jobId).retrieve().body(OBJECT);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> search(RestClient api, String query, int limit) {
        Map<String, Object> response = api.post().uri("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", query, "limit", limit)).retrieve().body(OBJECT);
        Object results = response == null ? null : response.get("results");
        return results == null ? List.of() : (List<Map<String, Object>>) results;
    }

    private static long changedSince(JdbcClient jdbc, Instant since) {
        return jdbc.sql("select count(*) from knowledge_source where updated_at > :since")
                .param("since", Timestamp.from(since)).query(Long.class).single();
    }

}
