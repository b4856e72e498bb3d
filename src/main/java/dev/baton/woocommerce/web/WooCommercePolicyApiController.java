package dev.baton.woocommerce.web;

import dev.baton.account.CurrentAccount;
import dev.baton.shared.BatonException;
import dev.baton.woocommerce.internal.PolicyState;
import dev.baton.woocommerce.internal.WooCommercePolicies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Tag(name = "Integrations")
@RestController
@RequestMapping("/api/v1/integrations/{id}")
class WooCommercePolicyApiController {

    private final WooCommercePolicies policies;
    private final CurrentAccount account;

    WooCommercePolicyApiController(WooCommercePolicies policies, CurrentAccount account) {
        this.policies = policies;
        this.account = account;
    }

    @Operation(summary = "Where each policy of a WooCommerce store comes from: FOUND, MISSING, PICKED, MANUAL "
            + "(or UNCHECKED before the first sync)")
    @GetMapping("/policies")
    List<PolicyView> list(@PathVariable UUID id) {
        return policies.list(account.id(), id).stream().map(PolicyView::of).toList();
    }

    @Operation(summary = "The store's published WordPress pages, to pick a policy page from")
    @GetMapping("/pages")
    List<WooCommercePolicies.StorePage> pages(@PathVariable UUID id) {
        return policies.pages(account.id(), id);
    }

    @Operation(summary = "Pick the page of a policy ({\"pageId\": 57}), or write it by hand ({\"byHand\": true})",
            description = "A picked page is read at once and becomes a locked synced source; every later sync reads "
                    + "it before any default. A page the store does not publish answers 422. By hand: the synced "
                    + "copy goes, syncs stop looking for the policy, and it is no longer listed as missing.")
    @PutMapping("/policies/{type}")
    PolicyView choose(@PathVariable UUID id, @PathVariable String type, @RequestBody Choice choice) {
        boolean byHand = Boolean.TRUE.equals(choice.byHand());
        if (byHand && choice.pageId() == null) {
            return PolicyView.of(policies.markByHand(account.id(), id, WooCommercePolicies.type(type)));
        }
        if (byHand || choice.pageId() == null || choice.pageId() <= 0) {
            throw BatonException.badRequest("Send either {\"pageId\": <a published page's id>} or {\"byHand\": true}.");
        }
        return PolicyView.of(policies.pick(account.id(), id, WooCommercePolicies.type(type), choice.pageId()));
    }

    @Operation(summary = "Forget the owner's choice for a policy and look for its page again, as a sync would")
    @DeleteMapping("/policies/{type}")
    PolicyView forget(@PathVariable UUID id, @PathVariable String type) {
        return PolicyView.of(policies.lookAgain(account.id(), id, WooCommercePolicies.type(type)));
    }

    /** One of the two: a page id, or {@code byHand: true}. */
    record Choice(Long pageId, Boolean byHand) {
    }

    /** {@code page}: null while no page is read for the policy. */
    record PolicyView(String type, String label, String status, Page page, OffsetDateTime checkedAt) {

        static PolicyView of(PolicyState state) {
            Page page = state.pageId() == 0 || state.byHand() ? null
                    : new Page(state.pageId(), state.pageTitle(), state.pageLink());
            return new PolicyView(state.type().name(), state.label(), state.status().name(), page, state.checkedAt());
        }
    }

    record Page(long id, String title, String link) {
    }
}
