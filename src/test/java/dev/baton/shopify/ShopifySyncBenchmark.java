package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.baton.SyncBenchmarkFigures.millis;
import static dev.baton.SyncBenchmarkFigures.perSecond;
import static dev.baton.SyncBenchmarkFigures.percentile;
import static dev.baton.SyncBenchmarkFigures.seconds;
import static dev.baton.SyncBenchmarkFigures.waitFor;
import static org.awaitility.Awaitility.await;

/**
 * Shopify sync benchmark: a whole Baton against a WireMock Shopify holding a generated catalog (3 variants a
 * product), answering in the GraphQL Admin API's shapes. A main class, not a test: it takes minutes.
 *
 * <p>It measures, per storage mode: the first full sync (a Bulk Operation, as for any catalog above the threshold)
 * until the job succeeds and until every product is searchable; the time to the first searchable product; a
 * re-sync of the unchanged catalog, through the bulk export and, after a restart with the threshold raised,
 * through pages of 250 (with the variants query of each page); and the latency from a {@code products/update}
 * webhook's delivery to its new price being returned by {@code POST /api/v1/knowledge/search}.
 *
 * <pre>
 *   ./mvnw -q -Pbench test-compile exec:java -Dbench.main=dev.baton.shopify.ShopifySyncBenchmark \
 *       -Dexec.args="10000 --modes=embedded,postgres --webhooks=100"
 * </pre>
 * PostgreSQL mode uses the test database of scripts/setup-postgres.sh (schema {@code bench_sync}, wiped first).
 */
public final class ShopifySyncBenchmark {

    private static final String API_KEY = "bench-sync-key";
    private static final String SECRET = "shpss_bench_secret";
    private static final String SHOP = "benchmark.myshopify.com";
    private static final String EXPORT = "/bulk/benchmark-export.jsonl";
    private static final String OPERATION = "gid://shopify/BulkOperation/990001";
    private static final int PAGE = 250;
    private static final long FIRST_ID = 1_000_000L;
    private static final String[] ADJECTIVES = {"Alpine", "Glacier", "Summit", "Powder", "Carbon", "Storm", "Trail",
            "Ridge", "Arctic", "Canyon", "Desert", "Forest", "Harbor", "Island", "Meadow", "Nordic", "Ocean", "Prairie",
            "River", "Tundra"};
    private static final String[] NOUNS = {"Jacket", "Board", "Helmet", "Goggles", "Gloves", "Boots", "Backpack",
            "Tent", "Lantern", "Bottle", "Hoodie", "Beanie", "Socks", "Poles", "Skis", "Bindings", "Wax", "Stove",
            "Hammock", "Compass", "Parka", "Vest", "Scarf", "Mittens", "Sled"};
    private static final String[] MATERIALS = {"recycled nylon", "merino wool", "carbon fibre", "aluminium",
            "organic cotton", "Gore-Tex", "bamboo", "ripstop polyester"};
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final int products;
    private final int webhooks;
    private final WireMockServer shopify = new WireMockServer(options().dynamicPort()
            .asynchronousResponseEnabled(true).containerThreads(16));

    private ShopifySyncBenchmark(int products, int webhooks) {
        this.products = products;
        this.webhooks = webhooks;
    }

    public static void main(String[] args) throws Exception {
        int products = 10_000;
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
        ShopifySyncBenchmark benchmark = new ShopifySyncBenchmark(products, webhooks);
        List<Map<String, String>> rows = new ArrayList<>();
        benchmark.shopify.start();
        try {
            benchmark.stubStore();
            for (String mode : modes) {
                rows.add(benchmark.run(mode));
            }
        } finally {
            benchmark.shopify.stop();
        }
        SyncBenchmarkFigures.print(String.format("Shopify sync benchmark: %,d products with 3 variants each", products), rows);
        System.exit(0); // the ONNX runtime's threads would keep the JVM of exec:java alive
    }

    private Map<String, String> run(String mode) throws Exception {
        Map<String, Object> storage = "postgres".equals(mode) ? TestStorage.postgres("bench_sync", true) : TestStorage.embedded();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("mode", mode);
        try (ConfigurableApplicationContext baton = start(storage, 0)) {
            RestClient api = api(baton);
            JdbcClient jdbc = JdbcClient.create(baton.getBean(DataSource.class));

            Instant connectedAt = Instant.now();
            Map<String, Object> connected = api.post().uri("/api/v1/integrations/shopify").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("shop", SHOP, "accessToken", "shpat_bench")).retrieve().body(OBJECT);
            Object jobId = connected.get("syncJobId");
            Duration firstSearchable = waitFor(Duration.ofMinutes(30), connectedAt, () -> !search(api, "warm jacket", 3).isEmpty());
            Duration synced = waitFor(Duration.ofMinutes(30), connectedAt, () -> "SUCCEEDED".equals(job(api, jobId).get("status")));
            long stored = jdbc.sql("select count(*) from catalog_product").query(Long.class).single();
            Duration indexed = waitFor(Duration.ofMinutes(60), connectedAt, () -> jdbc.sql(
                    "select count(*) from knowledge_source where origin = 'SHOPIFY' and status = 'INDEXED'")
                    .query(Long.class).single() >= products);
            row.put("products stored", String.valueOf(stored));
            row.put("first searchable product", seconds(firstSearchable));
            row.put("full sync, job done", seconds(synced) + " (" + perSecond(products, synced) + " products/s)");
            row.put("full sync, all searchable", seconds(indexed) + " (" + perSecond(products, indexed) + " products/s)");

            Instant resyncAt = Instant.now();
            Object again = api.post().uri("/api/v1/integrations/{id}/sync", connected.get("id")).retrieve().body(OBJECT).get("jobId");
            Duration resync = waitFor(Duration.ofMinutes(30), resyncAt, () -> "SUCCEEDED".equals(job(api, again).get("status")));
            row.put("unchanged re-sync (bulk)", seconds(resync) + ", " + changedSince(jdbc, resyncAt) + " sources re-embedded");

            List<Long> latencies = webhookLatencies(api);
            row.put("webhook to searchable p50", millis(percentile(latencies, 50)));
            row.put("webhook to searchable p95", millis(percentile(latencies, 95)));
            row.put("webhook to searchable max", millis(percentile(latencies, 100)));
        }
        // The same data, restarted with the bulk threshold above the catalog: the re-sync reads pages of 250.
        Map<String, Object> again = new HashMap<>(storage);
        if ("postgres".equals(mode)) {
            again.put("baton.test.clean-database", "false");
        }
        try (ConfigurableApplicationContext baton = start(again, Integer.MAX_VALUE)) {
            RestClient api = api(baton);
            JdbcClient jdbc = JdbcClient.create(baton.getBean(DataSource.class));
            Object integrationId = jdbc.sql("select id from store_integration").query(UUID.class).single();
            Instant resyncAt = Instant.now();
            Object jobId = api.post().uri("/api/v1/integrations/{id}/sync", integrationId).retrieve().body(OBJECT).get("jobId");
            Duration resync = waitFor(Duration.ofMinutes(30), resyncAt, () -> "SUCCEEDED".equals(job(api, jobId).get("status")));
            row.put("unchanged re-sync (pages of 250)", seconds(resync) + ", " + changedSince(jdbc, resyncAt) + " sources re-embedded");
        }
        return row;
    }

    /** One webhook at a time: a new price for one product, then searches until the new price is returned. */
    private List<Long> webhookLatencies(RestClient api) throws Exception {
        // Shopify's deliveries carry no API key: the same server, without the bearer header.
        RestClient webhooksApi = api.mutate().defaultHeaders(headers -> headers.remove("Authorization")).build();
        List<Long> latencies = new ArrayList<>();
        for (int n = 0; n < webhooks; n++) {
            long index = (n * 97L) % products;
            String price = String.format(Locale.ROOT, "%d.%02d", 500 + n, n % 100);
            String body = webhookPayload(index, price);
            long start = System.nanoTime();
            webhooksApi.post().uri("/webhooks/shopify").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Shopify-Hmac-Sha256", sign(body))
                    .header("X-Shopify-Shop-Domain", SHOP)
                    .header("X-Shopify-Topic", "products/update")
                    .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                    .body(body).retrieve().toBodilessEntity();
            String expected = "CA$" + price;
            String title = title(index);
            // Among the ten best hits: with 20 near-identical "<adjective> <noun> N" products, rank fusion does not
            // always put the exact title first (see docs/performance.md).
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .alias("the webhook's price for " + title + " becomes searchable")
                    .until(() -> search(api, title, 10).stream().anyMatch(hit -> title.equals(hit.get("title"))
                            && String.valueOf(hit.get("text")).contains(expected)));
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        return latencies;
    }

    // --- The store on WireMock ---------------------------------------------------------------------------------

    private void stubStore() {
        shopify.stubFor(ShopifyFixtures.graphQl("query Shop").willReturn(ShopifyFixtures.json("shop.json")));
        shopify.stubFor(ShopifyFixtures.graphQl("query Counts").willReturn(data(Map.of(
                "productsCount", Map.of("count", products), "ordersCount", Map.of("count", 0)))));
        shopify.stubFor(ShopifyFixtures.graphQl("query Policies").willReturn(ShopifyFixtures.json("policies.json")));
        shopify.stubFor(ShopifyFixtures.graphQl("query Orders").willReturn(data(Map.of("orders", Map.of(
                "pageInfo", Map.of("hasNextPage", false, "endCursor", ""), "nodes", List.of())))));
        shopify.stubFor(ShopifyFixtures.graphQl("mutation BulkRunQuery").willReturn(data(Map.of("bulkOperationRunQuery", Map.of(
                "bulkOperation", Map.of("id", OPERATION, "status", "CREATED"), "userErrors", List.of())))));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("id", OPERATION);
        operation.put("status", "COMPLETED");
        operation.put("errorCode", null);
        operation.put("objectCount", String.valueOf(products * 4L));
        operation.put("rootObjectCount", String.valueOf(products));
        operation.put("url", shopify.baseUrl() + EXPORT);
        shopify.stubFor(ShopifyFixtures.graphQl("query BulkOperation").willReturn(data(Map.of("node", operation))));
        StringBuilder export = new StringBuilder();
        for (long i = 0; i < products; i++) {
            export.append(write(product(i))).append('\n');
            for (Map<String, Object> variant : variants(i)) {
                variant.put("__parentId", gid("Product", FIRST_ID + i));
                export.append(write(variant)).append('\n');
            }
        }
        shopify.stubFor(get(urlEqualTo(EXPORT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/jsonl").withBody(export.toString())));
        for (int page = 0; page * PAGE < products; page++) {
            stubPage(page);
        }
    }

    private void stubPage(int page) {
        long first = (long) page * PAGE;
        long end = Math.min(products, first + PAGE);
        boolean more = end < products;
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> variantNodes = new ArrayList<>();
        for (long i = first; i < end; i++) {
            nodes.add(product(i));
            for (Map<String, Object> variant : variants(i)) {
                variant.put("product", Map.of("id", gid("Product", FIRST_ID + i)));
                variantNodes.add(variant);
            }
        }
        MappingBuilder products = ShopifyFixtures.graphQl("query Products");
        products = page == 0 ? products.withRequestBody(matchingJsonPath("$.variables.after", absent()))
                : products.withRequestBody(matchingJsonPath("$.variables.after", equalTo("p" + page)));
        shopify.stubFor(products.willReturn(data(Map.of("products", Map.of(
                "pageInfo", Map.of("hasNextPage", more, "endCursor", more ? "p" + (page + 1) : "end"), "nodes", nodes)))));
        // The page's variants, 250 at a time, as the filtered productVariants query reads them.
        for (int part = 0; part * PAGE < variantNodes.size(); part++) {
            int to = Math.min(variantNodes.size(), (part + 1) * PAGE);
            boolean moreVariants = to < variantNodes.size();
            MappingBuilder variants = ShopifyFixtures.graphQl("query Variants")
                    .withRequestBody(matchingJsonPath("$.variables.query", containing("product_id:" + (FIRST_ID + first) + " OR")));
            variants = part == 0 ? variants.withRequestBody(matchingJsonPath("$.variables.after", absent()))
                    : variants.withRequestBody(matchingJsonPath("$.variables.after", equalTo("v" + page + "-" + part)));
            shopify.stubFor(variants.willReturn(data(Map.of("productVariants", Map.of(
                    "pageInfo", Map.of("hasNextPage", moreVariants, "endCursor", moreVariants ? "v" + page + "-" + (part + 1) : "end"),
                    "nodes", variantNodes.subList(part * PAGE, to))))));
        }
    }

    private static Map<String, Object> product(long i) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", gid("Product", FIRST_ID + i));
        product.put("title", title(i));
        product.put("handle", title(i).toLowerCase(Locale.ROOT).replace(' ', '-'));
        product.put("descriptionHtml", "<p>The " + title(i) + " is made of " + MATERIALS[(int) (i % MATERIALS.length)]
                + ", keeps you warm on long winter trips and packs small.</p><p>Designed in Canada; tested on the "
                + ADJECTIVES[(int) ((i / 7) % ADJECTIVES.length)] + " trail.</p>");
        product.put("vendor", "Snowdevil");
        product.put("productType", NOUNS[(int) ((i / ADJECTIVES.length) % NOUNS.length)]);
        product.put("tags", List.of("winter", "outdoor"));
        product.put("status", "ACTIVE");
        product.put("publishedAt", "2026-09-01T10:00:00Z");
        product.put("onlineStoreUrl", "https://snowdevil.example/products/" + product.get("handle"));
        product.put("updatedAt", "2026-11-20T09:30:00Z");
        product.put("options", List.of(Map.of("name", "Size")));
        return product;
    }

    private static List<Map<String, Object>> variants(long i) {
        List<Map<String, Object>> variants = new ArrayList<>();
        String[] sizes = {"S", "M", "L"};
        for (int v = 0; v < sizes.length; v++) {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("id", gid("ProductVariant", (FIRST_ID + i) * 10 + v));
            variant.put("title", sizes[v]);
            variant.put("sku", "SKU-" + (FIRST_ID + i) + "-" + sizes[v]);
            variant.put("price", price(i));
            variant.put("compareAtPrice", null);
            variant.put("inventoryQuantity", (int) ((i + v) % 9));
            variant.put("inventoryPolicy", "DENY");
            variant.put("position", v + 1);
            variant.put("selectedOptions", List.of(Map.of("name", "Size", "value", sizes[v])));
            variant.put("inventoryItem", Map.of("tracked", true));
            variants.add(variant);
        }
        return variants;
    }

    /** A products/update webhook in Shopify's (REST-shaped) payload, with a new price for every variant. */
    private static String webhookPayload(long i, String price) {
        Map<String, Object> product = product(i);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("admin_graphql_api_id", product.get("id"));
        payload.put("id", FIRST_ID + i);
        payload.put("title", product.get("title"));
        payload.put("handle", product.get("handle"));
        payload.put("body_html", product.get("descriptionHtml"));
        payload.put("vendor", "Snowdevil");
        payload.put("product_type", product.get("productType"));
        payload.put("tags", "winter, outdoor");
        payload.put("status", "active");
        payload.put("published_at", "2026-09-01T10:00:00Z");
        payload.put("published_scope", "web");
        payload.put("created_at", "2026-09-01T10:00:00Z");
        payload.put("updated_at", OffsetDateTime.now().toString());
        List<Map<String, Object>> variants = new ArrayList<>();
        String[] sizes = {"S", "M", "L"};
        for (int v = 0; v < sizes.length; v++) {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("admin_graphql_api_id", gid("ProductVariant", (FIRST_ID + i) * 10 + v));
            variant.put("id", (FIRST_ID + i) * 10 + v);
            variant.put("product_id", FIRST_ID + i);
            variant.put("title", sizes[v]);
            variant.put("price", price);
            variant.put("compare_at_price", null);
            variant.put("sku", "SKU-" + (FIRST_ID + i) + "-" + sizes[v]);
            variant.put("position", v + 1);
            variant.put("inventory_policy", "deny");
            variant.put("inventory_management", "shopify");
            variant.put("inventory_quantity", 5);
            variant.put("option1", sizes[v]);
            variant.put("option2", null);
            variant.put("option3", null);
            variants.add(variant);
        }
        payload.put("variants", variants);
        payload.put("options", List.of(Map.of("name", "Size", "position", 1, "values", List.of(sizes))));
        return write(payload);
    }

    private static String title(long i) {
        return ADJECTIVES[(int) (i % ADJECTIVES.length)] + " " + NOUNS[(int) ((i / ADJECTIVES.length) % NOUNS.length)] + " " + (i + 1);
    }

    private static String price(long i) {
        return String.format(Locale.ROOT, "%d.%02d", 20 + i % 380, (i * 7) % 100);
    }

    private static String gid(String type, long id) {
        return "gid://shopify/" + type + "/" + id;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder data(Map<String, Object> data) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(write(Map.of("data", data,
                "extensions", Map.of("cost", Map.of("requestedQueryCost", 10, "actualQueryCost", 10, "throttleStatus",
                        Map.of("maximumAvailable", 20000.0, "currentlyAvailable", 19990.0, "restoreRate", 1000.0))))));
    }

    private static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    // --- Baton ---------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext start(Map<String, Object> storage, int bulkThreshold) {
        Map<String, Object> properties = new HashMap<>(storage);
        properties.put("server.port", "0");
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.shopify.base-url", shopify.baseUrl());
        properties.put("baton.shopify.api-secret", SECRET);
        properties.put("baton.shopify.bulk-poll-interval", "500ms");
        properties.put("baton.shopify.bulk-threshold", String.valueOf(bulkThreshold == 0 ? 2000 : bulkThreshold));
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
    private static List<Map<String, Object>> search(RestClient api, String query, int limit) {
        Map<String, Object> response = api.post().uri("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", query, "limit", limit)).retrieve().body(OBJECT);
        Object results = response == null ? null : response.get("results");
        return results == null ? List.of() : (List<Map<String, Object>>) results;
    }

    private static long changedSince(JdbcClient jdbc, Instant since) {
        return jdbc.sql("select count(*) from knowledge_source where updated_at > :since")
                .param("since", Timestamp.from(since)).query(Long.class).single();
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

}
