package dev.baton.knowledge;

import dev.baton.account.internal.TestAccounts;
import dev.baton.account.internal.TestAccounts.NewAccount;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.Variant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The knowledge API's contract, run once per storage mode by its subclasses: the embedded default and PostgreSQL
 * with pgvector must behave the same. Every test works in an account of its own.
 */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class KnowledgeContractTests {

    private static final Duration INDEXING = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Catalog catalog;

    NewAccount account;
    KnowledgeApi api;

    @BeforeEach
    void newAccount() {
        account = accounts.create("Contract test store");
        api = new KnowledgeApi(port, account.apiKey());
    }

    @Test
    void healthIsUp() {
        String health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health").retrieve()
                .body(String.class);
        assertThat(health).contains("\"status\":\"UP\"");
    }

    @Test
    void missingOrWrongApiKeyIsRefusedWithProblemDetails() {
        var anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        ResponseEntity<String> missing = anonymous.get().uri("/api/v1/knowledge/sources").retrieve().toEntity(String.class);
        ResponseEntity<String> wrong = anonymous.get().uri("/api/v1/knowledge/sources")
                .header("Authorization", "Bearer not-a-key").retrieve().toEntity(String.class);

        for (ResponseEntity<String> response : List.of(missing, wrong)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(response.getBody()).contains("\"status\":401").contains("Authorization: Bearer");
        }
    }

    @Test
    void createdSourceIsIndexedInTheBackgroundAndFoundBySearch() {
        String text = "Gift wrapping costs 4 dollars per item and is done with recycled kraft paper and a cotton ribbon.";
        ResponseEntity<Map<String, Object>> created = api.create("Gift wrapping", text);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("http://localhost:" + port + "/api/v1/knowledge/sources/" + id);
        assertThat(created.getBody()).containsEntry("origin", "MANUAL").containsEntry("locked", false);
        awaitIndexed(id);

        assertThat(api.text(id).getBody()).isEqualTo(text);
        assertThat(api.text(id).getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        List<Map<String, Object>> results = api.search("how much is gift wrapping?", 5);
        assertThat(results.get(0)).containsEntry("sourceId", id).containsEntry("title", "Gift wrapping")
                .containsEntry("origin", "MANUAL").containsKeys("text", "score");
    }

    @Test
    void editedSourceIsIndexedAgainWithItsNewText() {
        Object id = api.create("Store hours", "The shop in Denver opens at 9 am on weekdays.").getBody().get("id");
        awaitIndexed(id);

        ResponseEntity<Map<String, Object>> updated = api.update(id, "Store hours",
                "The shop in Boulder opens at 10 am on Saturdays and stays closed on Sundays.");
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitIndexed(id);

        List<Map<String, Object>> results = api.search("when does the shop open on Saturday", 5);
        assertThat(results).isNotEmpty().allSatisfy(result -> assertThat((String) result.get("text"))
                .doesNotContain("Denver"));
        assertThat((String) results.get(0).get("text")).contains("Boulder");
    }

    @Test
    void syncedSourcesAreLockedAndSayWhereToChangeThem() {
        catalog.replaceProducts(account.id(), CatalogOrigin.FILE_IMPORT, List.of(product("trail-mug", "Trail Mug", true)));
        Map<String, Object> synced = awaitSource("Trail Mug");
        Object id = synced.get("id");
        assertThat(synced).containsEntry("locked", true).containsEntry("origin", "FILE_IMPORT");

        for (ResponseEntity<Map<String, Object>> response : List.of(api.update(id, "Mine now", "edited"),
                api.delete(id), api.archive(id, true))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat((String) response.getBody().get("detail")).contains("Trail Mug").contains("store");
        }
        assertThat(api.text(id).getBody()).contains("Trail Mug").contains("€18.00");
    }

    @Test
    void productsShoppersCannotSeeAreNotIndexedAndLeaveWhenHidden() {
        catalog.replaceProducts(account.id(), CatalogOrigin.FILE_IMPORT,
                List.of(product("visible-cap", "Visible Cap", true), product("draft-cap", "Draft Cap", false)));
        awaitSource("Visible Cap");
        assertThat(api.list()).extracting(source -> source.get("title")).doesNotContain("Draft Cap");

        catalog.replaceProducts(account.id(), CatalogOrigin.FILE_IMPORT, List.of(product("visible-cap", "Visible Cap", false)));
        await().atMost(INDEXING).until(() -> api.list().isEmpty());
    }

    @Test
    void aSyncedSourceReplacingAHandWrittenOneArchivesItRestorably() {
        Object manual = api.create("Refund policy", "Our old hand-written rule: returns within 14 days.").getBody().get("id");
        awaitIndexed(manual);

        catalog.replacePolicies(account.id(), CatalogOrigin.FILE_IMPORT, List.of(new dev.baton.catalog.Policy(
                dev.baton.catalog.PolicyType.REFUND_POLICY, "Refund policy", "Returns within 30 days of delivery.",
                "https://shop.example/policies/refund-policy", OffsetDateTime.parse("2026-11-01T10:00:00Z"))));
        awaitSource("Refund policy");
        await().atMost(INDEXING).until(() -> Boolean.TRUE.equals(api.get(manual).getBody().get("archived")));

        assertThat((String) api.get(manual).getBody().get("archivedReason")).contains("Replaced by 'Refund policy'");
        assertThat(api.search("how many days do I have to return", 10))
                .noneSatisfy(result -> assertThat(result.get("sourceId")).isEqualTo(manual));
        assertThat(api.text(manual).getBody()).contains("14 days");
        assertThat(api.archive(manual, false).getBody()).containsEntry("archived", false);
    }

    @Test
    void anotherAccountsSourceIsNotFoundAndNeverSearched() {
        Object id = api.create("Secret supplier list", "Our secret supplier for wool socks is Maple Mills.")
                .getBody().get("id");
        awaitIndexed(id);
        KnowledgeApi other = new KnowledgeApi(port, accounts.create("Another store").apiKey());

        assertThat(other.get(id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.text(id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.update(id, "Stolen", "text").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.delete(id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.list()).isEmpty();
        assertThat(other.search("secret supplier for wool socks", 10)).isEmpty();
        assertThat(api.status(id)).isEqualTo("INDEXED");
    }

    @Test
    void unknownOrMalformedIdsAnswerProblemDetails() {
        ResponseEntity<Map<String, Object>> unknown = api.get("3f1c2a8e-0000-4000-8000-000000000000");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("detail")).contains("does not exist");
        assertThat(api.get("not-a-uuid").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void badInputIsRefusedWithAClearReason() {
        var malformed = api.postRaw("/api/v1/knowledge/sources", "{\"title\": \"x\", \"text\": ");
        var emptyText = api.create("Empty", "   ");
        var noTitle = api.create(" ", "Some text");
        var tooLong = api.create("Huge", "a".repeat(200_001));
        var emptyQuery = api.postRaw("/api/v1/knowledge/search", "{\"query\": \"\"}");
        var badLimit = api.postRaw("/api/v1/knowledge/search", "{\"query\": \"socks\", \"limit\": 0}");

        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) malformed.getBody().get("detail")).contains("not valid JSON");
        assertThat(emptyText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) emptyText.getBody().get("detail")).contains("empty");
        assertThat(noTitle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat((String) tooLong.getBody().get("detail")).contains("200000");
        assertThat(emptyQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(List.of(malformed, emptyText, noTitle, tooLong, emptyQuery, badLimit))
                .allSatisfy(response -> assertThat(response.getBody()).doesNotContainKey("trace"));
        assertThat(api.list()).isEmpty();
    }

    @Test
    void textMarkdownPdfAndDocxUploadsBecomeSources() throws IOException {
        Map<String, byte[]> files = Map.of(
                "returns.txt", "Plain text: returns are free within 30 days.".getBytes(StandardCharsets.UTF_8),
                "care.md", "# Care\n\nMarkdown: wash merino cold and dry flat.".getBytes(StandardCharsets.UTF_8),
                "sizes.pdf", pdf("PDF: our boots run half a size small."),
                "warranty.docx", docx("DOCX: every tent has a two year warranty."));

        for (var file : files.entrySet()) {
            ResponseEntity<Map<String, Object>> created = api.upload(file.getKey(), file.getValue());
            assertThat(created.getStatusCode()).as(file.getKey()).isEqualTo(HttpStatus.CREATED);
            Object id = created.getBody().get("id");
            assertThat(created.getBody().get("title")).isEqualTo(file.getKey().substring(0, file.getKey().indexOf('.')));
            assertThat(api.text(id).getBody()).as(file.getKey()).containsAnyOf("Plain text", "Markdown", "PDF", "DOCX");
            awaitIndexed(id);
        }
        assertThat((String) api.search("do the boots run small", 1).get(0).get("title")).isEqualTo("sizes");
    }

    @Test
    void unsupportedOrDamagedFilesAreRefused() {
        var unsupported = api.upload("setup.exe", new byte[] {0x4d, 0x5a, 0x00});
        var damaged = api.upload("broken.pdf", "this is not a pdf".getBytes(StandardCharsets.UTF_8));

        assertThat(unsupported.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat((String) unsupported.getBody().get("detail")).contains(".txt, .md, .pdf or .docx");
        assertThat(damaged.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(api.list()).isEmpty();
    }

    @Test
    void anUploadOverTenMegabytesIsRefusedWithTheLimit() {
        var tooBig = api.upload("catalog.txt", new byte[11 * 1024 * 1024]);

        assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(tooBig.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat((String) tooBig.getBody().get("detail")).contains("10 MB");
    }

    @Test
    void archivedSourcesAreHiddenFromSearchAndCanBeRestored() {
        Object id = api.create("Loyalty program", "Members collect one point per dollar spent on boots.")
                .getBody().get("id");
        awaitIndexed(id);

        assertThat(api.archive(id, true).getBody()).containsEntry("archived", true);
        await().atMost(INDEXING).until(() -> searchedIds("loyalty points").isEmpty());

        assertThat(api.archive(id, false).getBody()).containsEntry("archived", false);
        awaitIndexed(id);
        assertThat(searchedIds("loyalty points")).containsOnly(id);
    }

    @Test
    void deletedSourceIsGoneFromTheListAndSearch() {
        Object id = api.create("Old promotion", "Spring sale: 20 percent off tents.").getBody().get("id");
        awaitIndexed(id);

        assertThat(api.delete(id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get(id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(INDEXING).until(() -> searchedIds("spring sale on tents").isEmpty());
    }

    List<Object> searchedIds(String query) {
        return api.search(query, 10).stream().map(result -> result.get("sourceId")).toList();
    }

    void awaitIndexed(Object id) {
        await().atMost(INDEXING).until(() -> "INDEXED".equals(api.status(id)));
    }

    Map<String, Object> awaitSource(String title) {
        await().atMost(INDEXING).until(() -> api.list().stream()
                .anyMatch(source -> title.equals(source.get("title")) && "INDEXED".equals(source.get("status"))));
        return api.list().stream().filter(source -> title.equals(source.get("title"))).findFirst().orElseThrow();
    }

    static Product product(String handle, String title, boolean published) {
        return new Product(handle, handle, title, "<p>An enamel mug for the trail.</p>", "Northwind", "Mugs",
                List.of("camp"), List.of(), ProductStatus.ACTIVE, published, "https://shop.example/products/" + handle, null,
                OffsetDateTime.parse("2026-11-01T10:00:00Z"),
                List.of(new Variant("Default Title", List.of(), "MUG-1", new BigDecimal("18.00"), null, 12, false, null)));
    }

    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] docx(String text) throws IOException {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }
}
