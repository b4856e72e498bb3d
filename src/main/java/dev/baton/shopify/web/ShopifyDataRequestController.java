package dev.baton.shopify.web;

import dev.baton.account.CurrentAccount;
import dev.baton.shopify.internal.ShopifyDataRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@Tag(name = "Integrations")
@RestController
@RequestMapping("/api/v1/integrations/shopify/data-requests")
class ShopifyDataRequestController {

    private final ShopifyDataRequests requests;
    private final CurrentAccount account;

    ShopifyDataRequestController(ShopifyDataRequests requests, CurrentAccount account) {
        this.requests = requests;
        this.account = account;
    }

    @Operation(summary = "Customers' requests for their data (Shopify's customers/data_request)")
    @GetMapping
    List<ShopifyDataRequests.DataRequest> list() {
        return requests.list(account.id());
    }

    @Operation(summary = "Download the export of one request, to send to the customer")
    @GetMapping("/{id}/export")
    ResponseEntity<String> export(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"data-request-" + id + ".json\"")
                .body(requests.export(account.id(), id));
    }
}
