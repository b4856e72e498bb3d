package dev.baton.fileimport.web;

import dev.baton.account.CurrentAccount;
import dev.baton.fileimport.internal.StoreFileImport;
import dev.baton.fileimport.internal.StoreFileImport.ImportResult;
import dev.baton.shared.BatonException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

@Tag(name = "Imports", description = "Store data from export files: locked FILE_IMPORT sources")
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    private final StoreFileImport imports;
    private final CurrentAccount account;

    ImportApiController(StoreFileImport imports, CurrentAccount account) {
        this.imports = imports;
        this.account = account;
    }

    @Operation(summary = "Import a Shopify product CSV export; it replaces the previously imported products")
    @PostMapping(path = "/shopify-products", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportResult products(@RequestPart("file") MultipartFile file, @RequestParam String storeUrl) throws IOException {
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return imports.importProducts(account.id(), csv, storeUrl);
        }
    }

    @Operation(summary = "Import a store policy from a Markdown file named after it (refund-policy.md, ...)")
    @PostMapping(path = "/policies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void policy(@RequestPart("file") MultipartFile file, @RequestParam String storeUrl) throws IOException {
        if (file.isEmpty()) {
            throw BatonException.badRequest("The uploaded file is empty.");
        }
        imports.importPolicy(account.id(), file.getOriginalFilename(), new String(file.getBytes(), StandardCharsets.UTF_8),
                storeUrl);
    }
}
