package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.BatonApplication;
import dev.baton.TestStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several Baton nodes share one PostgreSQL. A node killed in the middle of a sync (SIGKILL: no shutdown, no
 * clean-up) leaves its job to another node, which finishes it from the saved cursor; two nodes asked to sync the
 * same account at once run one sync.
 */
class SyncAcrossNodesTests {

    private static final String API_KEY = "nodes-test-key";
    private static final String SHOP = "nodes.myshopify.com";
    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private Process killedNode;

    @BeforeEach
    void store() {
        if (!shopify.isRunning()) {
            shopify.start();
        }
        shopify.resetAll();
        ShopifyFixtures.stubStore(shopify);
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (killedNode != null) {
            killedNode.destroyForcibly();
        }
    }

    @AfterAll
    static void stopShopify() {
        shopify.stop();
    }

    @Test
    void aSyncWhoseNodeIsKilledMidwayIsFinishedByAnotherNodeFromItsCursor() throws Exception {
        // Page 2 hangs on the first node: it has stored page 1 when it is killed.
        shopify.stubFor(ShopifyFixtures.productsPage2().atPriority(1)
                .willReturn(ShopifyFixtures.json("products-page2.json").withFixedDelay(120_000)));
        int port = freePort();
        killedNode = startProcess(TestStorage.postgres("node_death", true), port);
        StoreApi first = api(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> answers(first));
        Map<String, Object> connected = first.connect(SHOP, "shpat_good").getBody();
        Object jobId = connected.get("syncJobId");
        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) first.job(jobId).get("done")).intValue() >= 2);

        killedNode.destroyForcibly().waitFor();
        shopify.stubFor(ShopifyFixtures.productsPage2().atPriority(1).willReturn(ShopifyFixtures.json("products-page2.json")));
        ConfigurableApplicationContext second = startInProcess(TestStorage.postgres("node_death", false));
        StoreApi survivor = api(second);

        assertThat(survivor.job(jobId)).containsEntry("status", "RUNNING");
        // JobRunr notices the dead node's silence (4 poll intervals), fails its job as orphaned and runs it again.
        await().atMost(Duration.ofSeconds(120)).until(() -> "SUCCEEDED".equals(survivor.job(jobId).get("status")));
        assertThat(survivor.job(jobId)).containsEntry("done", 4);
        shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query Products")))
                .withRequestBody(matchingJsonPath("$.variables.after", absent())));
        JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
        assertThat(jdbc.sql("select count(*) from catalog_product").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void twoNodesAskedToSyncTheSameAccountAtOnceRunOneSync() {
        ConfigurableApplicationContext one = startInProcess(TestStorage.postgres("two_nodes", true));
        ConfigurableApplicationContext two = startInProcess(TestStorage.postgres("two_nodes", false));
        StoreApi apiOne = api(one);
        StoreApi apiTwo = api(two);
        Map<String, Object> connected = apiOne.connect(SHOP, "shpat_good").getBody();
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(apiOne.job(connected.get("syncJobId")).get("status")));
        shopify.resetRequests();
        shopify.stubFor(ShopifyFixtures.productsPage2().atPriority(1)
                .willReturn(ShopifyFixtures.json("products-page2.json").withFixedDelay(1_500)));

        for (int round = 0; round < 3; round++) {
            CompletableFuture<Map<String, Object>> viaOne = CompletableFuture.supplyAsync(() -> apiOne.sync(connected.get("id")));
            CompletableFuture<Map<String, Object>> viaTwo = CompletableFuture.supplyAsync(() -> apiTwo.sync(connected.get("id")));
            Object jobId = viaOne.join().get("jobId");

            assertThat(viaTwo.join().get("jobId")).isEqualTo(jobId);
            await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(apiTwo.job(jobId).get("status")));
        }
        // One run per round: each run reads the store's policies once.
        shopify.verify(3, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query Policies"))));
    }

    private static boolean answers(StoreApi api) {
        try {
            return api.client().get().uri("/api/v1/integrations").retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> nodeProperties(Map<String, Object> storage) {
        Map<String, Object> properties = new HashMap<>(storage);
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("baton.shopify.base-url", shopify.baseUrl());
        properties.put("baton.shopify.retry-delay", "50ms");
        return properties;
    }

    private ConfigurableApplicationContext startInProcess(Map<String, Object> storage) {
        Map<String, Object> properties = nodeProperties(storage);
        properties.put("server.port", "0");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(BatonApplication.class).run(args(properties));
        nodes.add(node);
        return node;
    }

    /** A node in a JVM of its own, so that it can be killed outright. Its output goes to target/. */
    private static Process startProcess(Map<String, Object> storage, int port) throws IOException {
        Map<String, Object> properties = nodeProperties(storage);
        properties.put("server.port", String.valueOf(port));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BatonApplication.class.getName()));
        command.addAll(List.of(args(properties)));
        File log = Path.of("target", "killed-node-" + UUID.randomUUID() + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static String[] args(Map<String, Object> properties) {
        // As arguments: SpringApplicationBuilder.properties() would only set defaults that application.properties overrides.
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    private static StoreApi api(ConfigurableApplicationContext node) {
        return api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    private static StoreApi api(int port) {
        return new StoreApi(port, API_KEY);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
