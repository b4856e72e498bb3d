package dev.baton.fileimport.web;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A store owner imports their own export: products and policies become locked FILE_IMPORT sources. */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportApiTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    RestClient api;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @BeforeEach
    void newAccount() {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + accounts.create("Import test store").apiKey())
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void aProductExportAndAPolicyBecomeLockedSources() {
        String csv = """
                Title,URL handle,Description,Status,Published on online store,Option1 name,Option1 value,Price,Inventory tracker,Inventory quantity
                Canvas Tote,canvas-tote,<p>Sturdy tote.</p>,Active,TRUE,Title,Default Title,35.00,shopify,8
                Hidden Tote,hidden-tote,<p>Not yet.</p>,Draft,TRUE,Title,Default Title,35.00,shopify,8
                """;

        ResponseEntity<Map<String, Object>> products = upload("/api/v1/imports/shopify-products", "products.csv", csv);
        ResponseEntity<Map<String, Object>> policy = upload("/api/v1/imports/policies", "refund-policy.md",
                "# Refund policy\n\nReturns within 14 days.");

        assertThat(products.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(products.getBody()).containsEntry("products", 2).containsEntry("visibleToShoppers", 1);
        assertThat(policy.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> sources().size() == 2
                && sources().stream().allMatch(source -> "INDEXED".equals(source.get("status"))));
        assertThat(sources()).extracting(source -> source.get("title")).containsExactlyInAnyOrder("Canvas Tote", "Refund policy");
        assertThat(sources()).allSatisfy(source -> assertThat(source).containsEntry("locked", true)
                .containsEntry("origin", "FILE_IMPORT"));
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedAndNothingIsImported() {
        ResponseEntity<Map<String, Object>> notCsv = upload("/api/v1/imports/shopify-products", "contacts.csv",
                "name,email\nAnn,ann@example.com\n");
        ResponseEntity<Map<String, Object>> unknownPolicy = upload("/api/v1/imports/policies", "notes.md", "# Notes");

        assertThat(notCsv.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat((String) notCsv.getBody().get("detail")).contains("not a Shopify product CSV");
        assertThat(unknownPolicy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(sources()).isEmpty();
    }

    private List<Map<String, Object>> sources() {
        return api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
    }

    private ResponseEntity<Map<String, Object>> upload(String path, String filename, String content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDispositionFormData("file", filename);
        parts.add("file", new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, headers));
        parts.add("storeUrl", "https://tote.example/");
        return api.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(OBJECT);
    }
}
