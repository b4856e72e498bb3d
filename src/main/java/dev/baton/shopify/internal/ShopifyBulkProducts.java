package dev.baton.shopify.internal;

import dev.baton.catalog.Product;
import dev.baton.catalog.StorePlatform.Page;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.catalog.Variant;
import org.apache.commons.io.input.ReversedLinesFileReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads a large catalog with one Bulk Operation instead of hundreds of pages: Shopify runs the query in the
 * background, Baton polls it, downloads the JSONL result to a temporary file and hands its products over page by
 * page.
 *
 * <p>In the file a variant is a line of its own, naming its product in {@code __parentId}; Shopify guarantees it
 * comes after its product, but not right after. Read from the end, every variant therefore comes before its
 * product, and a product is complete the moment its line is read: memory holds one page and the variants whose
 * product is still ahead, never the catalog.
 *
 * <p>Resuming: the cursor names the operation and how many products were handed over ({@code bulk:<id>:<n>}). A
 * resumed sync waits for the same operation, downloads its file again (Shopify keeps it for a week) and skips the
 * first {@code n} products; an operation that failed or expired is replaced by a new one, read from the start.
 */
@Component
class ShopifyBulkProducts {

    private static final Logger log = LoggerFactory.getLogger(ShopifyBulkProducts.class);
    private static final String CURSOR_PREFIX = "bulk:";
    private static final String PRODUCT_GID = "gid://shopify/Product/";

    private final ShopifyGraphQl graphQl;
    private final ShopifyTokens tokens;
    private final ShopifyProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    ShopifyBulkProducts(ShopifyGraphQl graphQl, ShopifyTokens tokens, ShopifyProperties properties, ObjectMapper json) {
        this.graphQl = graphQl;
        this.tokens = tokens;
        this.properties = properties;
        this.json = json;
    }

    static boolean isBulkCursor(String cursor) {
        return cursor.startsWith(CURSOR_PREFIX);
    }

    /** Hands every product to {@code pages}; {@code cursor} is empty (start an operation) or a bulk cursor. */
    void read(UUID integrationId, String cursor, Consumer<Page<Product>> pages) {
        Operation operation = null;
        long skip = 0;
        if (isBulkCursor(cursor)) {
            int countAt = cursor.lastIndexOf(':');
            operation = find(integrationId, cursor.substring(CURSOR_PREFIX.length(), countAt));
            skip = Long.parseLong(cursor.substring(countAt + 1));
        }
        if (operation == null || operation.gone()) {
            operation = start(integrationId);
            skip = 0;
            // Saved before the wait: a sync resumed from here waits for this operation instead of starting another.
            pages.accept(new Page<>(List.of(), cursor(operation.id(), 0)));
        }
        operation = awaitCompletion(integrationId, operation);
        if (operation.url() == null) {
            return; // no products at all: Shopify writes no file
        }
        Path file = download(operation);
        try {
            handOver(file, operation.id(), skip, pages);
        } finally {
            deleteQuietly(file);
        }
    }

    private Operation start(UUID integrationId) {
        JsonNode payload = query(integrationId, ShopifyQueries.BULK_RUN, Map.of("query", ShopifyQueries.BULK_PRODUCTS))
                .path("bulkOperationRunQuery");
        JsonNode errors = payload.path("userErrors");
        if (!errors.isEmpty()) {
            JsonNode error = errors.get(0);
            throw new StoreUnavailableException("Shopify did not start the catalog export: "
                    + JsonValues.text(error.path("message")) + " (" + JsonValues.text(error.path("code")) + ")");
        }
        Operation operation = Operation.of(payload.path("bulkOperation"));
        log.info("Started Shopify bulk export {}", operation.id());
        return operation;
    }

    private Operation find(UUID integrationId, String operationId) {
        JsonNode node = query(integrationId, ShopifyQueries.BULK_OPERATION, Map.of("id", operationId)).path("node");
        return node.isMissingNode() || node.isNull() ? null : Operation.of(node);
    }

    private Operation awaitCompletion(UUID integrationId, Operation operation) {
        Instant deadline = Instant.now().plus(properties.bulkTimeout());
        Operation current = operation;
        while (!"COMPLETED".equals(current.status())) {
            if (current.gone()) {
                throw new StoreUnavailableException("Shopify's catalog export " + current.id() + " ended "
                        + current.status() + (current.errorCode().isEmpty() ? "" : " (" + current.errorCode() + ")")
                        + "; the next sync starts a new one.");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StoreUnavailableException("Shopify's catalog export " + current.id() + " was still "
                        + current.status() + " after " + properties.bulkTimeout() + "; the sync resumes by waiting for it.");
            }
            pause(properties.bulkPollInterval());
            Operation polled = find(integrationId, current.id());
            if (polled == null) {
                throw new StoreUnavailableException("Shopify no longer knows the catalog export " + current.id() + ".");
            }
            current = polled;
        }
        return current;
    }

    private Path download(Operation operation) {
        Path file = null;
        try {
            file = Files.createTempFile("baton-shopify-bulk-", ".jsonl");
            // The URL is signed: it is a credential for a week, so it is never logged.
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(operation.url()))
                    .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                throw new StoreUnavailableException("Downloading Shopify's catalog export " + operation.id()
                        + " failed with HTTP " + response.statusCode() + "; the sync can be resumed.");
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new StoreUnavailableException("Downloading Shopify's catalog export " + operation.id() + " failed: "
                    + e.getMessage() + "; the sync can be resumed.", e);
        } catch (InterruptedException e) {
            deleteQuietly(file);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while downloading Shopify's catalog export", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private void handOver(Path file, String operationId, long skip, Consumer<Page<Product>> pages) {
        Map<String, List<JsonNode>> variantsByProduct = new HashMap<>();
        List<Product> page = new ArrayList<>(properties.pageSize());
        long seen = 0;
        try (ReversedLinesFileReader lines = ReversedLinesFileReader.builder().setPath(file)
                .setCharset(StandardCharsets.UTF_8).get()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String parent = JsonValues.text(node.path("__parentId"));
                if (!parent.isEmpty()) {
                    variantsByProduct.computeIfAbsent(parent, id -> new ArrayList<>()).add(node);
                    continue;
                }
                String id = JsonValues.text(node.path("id"));
                if (!id.startsWith(PRODUCT_GID)) {
                    continue;
                }
                List<JsonNode> variantNodes = variantsByProduct.getOrDefault(id, List.of());
                variantsByProduct.remove(id);
                if (++seen <= skip) {
                    continue;
                }
                List<Variant> variants = new ArrayList<>(variantNodes.size());
                for (JsonNode variant : variantNodes) {
                    variants.add(ShopifyMapping.variant(variant));
                }
                Collections.reverse(variants); // read backwards: restore the store's order
                page.add(ShopifyMapping.product(node, variants));
                if (page.size() == properties.pageSize()) {
                    pages.accept(new Page<>(List.copyOf(page), cursor(operationId, seen)));
                    page.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the downloaded catalog export", e);
        }
        if (!page.isEmpty()) {
            pages.accept(new Page<>(List.copyOf(page), ""));
        }
        if (!variantsByProduct.isEmpty()) {
            log.warn("Shopify's catalog export {} had variants of {} products it did not contain", operationId,
                    variantsByProduct.size());
        }
    }

    private JsonNode query(UUID integrationId, String query, Map<String, Object> variables) {
        return graphQl.data(tokens.current(integrationId), query, variables);
    }

    private static String cursor(String operationId, long handedOver) {
        return CURSOR_PREFIX + operationId + ":" + handedOver;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for Shopify's catalog export", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}", file, e);
        }
    }

    /** A Bulk Operation as Shopify describes it. */
    private record Operation(String id, String status, String errorCode, String url) {

        static Operation of(JsonNode node) {
            return new Operation(JsonValues.text(node.path("id")), JsonValues.text(node.path("status")),
                    JsonValues.text(node.path("errorCode")), JsonValues.nullable(node.path("url")));
        }

        /** Finished without a result: it will never complete. */
        boolean gone() {
            return switch (status) {
                case "FAILED", "CANCELED", "CANCELING", "EXPIRED" -> true;
                default -> false;
            };
        }
    }
}
