package dev.baton.knowledge.web;

import dev.baton.account.CurrentAccount;
import dev.baton.knowledge.KnowledgeHit;
import dev.baton.knowledge.KnowledgeSearch;
import dev.baton.knowledge.SourceOrigin;
import dev.baton.knowledge.internal.Source;
import dev.baton.knowledge.internal.SourceService;
import dev.baton.knowledge.internal.SourceUploads;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Tag(name = "Knowledge", description = "Sources the agent answers from, and search over them")
@RestController
@RequestMapping("/api/v1/knowledge")
class SourceApiController {

    private static final int MAX_SEARCH_LIMIT = 50;

    private final SourceService sources;
    private final SourceUploads uploads;
    private final KnowledgeSearch search;
    private final CurrentAccount account;

    SourceApiController(SourceService sources, SourceUploads uploads, KnowledgeSearch search, CurrentAccount account) {
        this.sources = sources;
        this.uploads = uploads;
        this.search = search;
        this.account = account;
    }

    @Operation(summary = "List the account's sources with their indexing status")
    @GetMapping("/sources")
    List<SourceView> list() {
        return sources.list(account.id()).stream().map(SourceView::of).toList();
    }

    @Operation(summary = "Add a manual source from JSON {title, text}")
    @PostMapping(path = "/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SourceView> create(@RequestBody SourceRequest request) {
        return created(sources.createManual(account.id(), request.title(), request.text()));
    }

    @Operation(summary = "Add a manual source from a .txt, .md, .pdf or .docx file")
    @PostMapping(path = "/sources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SourceView> upload(@RequestPart("file") MultipartFile file,
            @RequestPart(name = "title", required = false) String title) {
        return created(uploads.upload(account.id(), file, title));
    }

    @GetMapping("/sources/{id}")
    SourceView get(@PathVariable UUID id) {
        return SourceView.of(sources.get(account.id(), id));
    }

    @Operation(summary = "The full text of a source")
    @GetMapping(path = "/sources/{id}/text", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    String text(@PathVariable UUID id) {
        return sources.get(account.id(), id).body();
    }

    @Operation(summary = "Edit a manual source; synced sources answer 409")
    @PutMapping(path = "/sources/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SourceView update(@PathVariable UUID id, @RequestBody SourceRequest request) {
        return SourceView.of(sources.update(account.id(), id, request.title(), request.text()));
    }

    @Operation(summary = "Delete a manual source; synced sources answer 409")
    @DeleteMapping("/sources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        sources.delete(account.id(), id);
    }

    @Operation(summary = "Archive a manual source: hidden from the agent, restorable")
    @PostMapping("/sources/{id}/archive")
    SourceView archive(@PathVariable UUID id) {
        return SourceView.of(sources.archive(account.id(), id, true));
    }

    @Operation(summary = "Restore an archived source")
    @PostMapping("/sources/{id}/restore")
    SourceView restore(@PathVariable UUID id) {
        return SourceView.of(sources.archive(account.id(), id, false));
    }

    @Operation(summary = "Hybrid search over the account's live sources")
    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    SearchResponse search(@RequestBody SearchRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            throw BatonException.badRequest("Say what to search for in 'query'.");
        }
        int limit = request.limit() == null ? 5 : request.limit();
        if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
            throw BatonException.badRequest("'limit' must be between 1 and " + MAX_SEARCH_LIMIT + ".");
        }
        return new SearchResponse(search.search(account.id(), request.query(), limit).stream()
                .map(SearchResult::of).toList());
    }

    private static ResponseEntity<SourceView> created(Source source) {
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(source.id());
        return ResponseEntity.created(location.toUri()).body(SourceView.of(source));
    }

    record SourceRequest(String title, String text) {
    }

    record SearchRequest(String query, Integer limit) {
    }

    record SearchResponse(List<SearchResult> results) {
    }

    record SearchResult(UUID sourceId, String title, SourceOrigin origin, String text, double score) {

        static SearchResult of(KnowledgeHit hit) {
            return new SearchResult(hit.sourceId(), hit.title(), hit.origin(), hit.text(), hit.score());
        }
    }

    record SourceView(UUID id, String title, SourceOrigin origin, String status, String statusReason, boolean locked,
            boolean archived, String archivedReason, int chunks, int length, OffsetDateTime updatedAt) {

        static SourceView of(Source source) {
            return new SourceView(source.id(), source.title(), source.origin(), source.status().name(),
                    source.statusReason(), source.locked(), source.archived(), source.archivedReason(),
                    source.chunkCount(), source.body().length(), source.updatedAt());
        }
    }
}
