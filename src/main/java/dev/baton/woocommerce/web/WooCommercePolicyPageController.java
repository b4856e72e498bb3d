package dev.baton.woocommerce.web;

import dev.baton.account.CurrentAccount;
import dev.baton.catalog.PolicyType;
import dev.baton.shared.BatonException;
import dev.baton.woocommerce.internal.PolicyState;
import dev.baton.woocommerce.internal.PolicyStatus;
import dev.baton.woocommerce.internal.WooCommercePolicies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The policies part of a WooCommerce store's card on the Knowledge page (loaded by htmx from the catalog's card):
 * which policies were found and which are missing, with a page to pick or a manual source to write for each.
 */
@Controller
@RequestMapping("/woocommerce/integrations/{id}/policies")
class WooCommercePolicyPageController {

    private final WooCommercePolicies policies;
    private final CurrentAccount account;

    WooCommercePolicyPageController(WooCommercePolicies policies, CurrentAccount account) {
        this.policies = policies;
        this.account = account;
    }

    @GetMapping
    String policies(@PathVariable UUID id, Model model) {
        List<PolicyState> states = policies.list(account.id(), id);
        model.addAttribute("integrationId", id).addAttribute("policies", states)
                .addAttribute("found", count(states, PolicyStatus.FOUND, PolicyStatus.PICKED))
                .addAttribute("missing", count(states, PolicyStatus.MISSING))
                .addAttribute("byHand", count(states, PolicyStatus.MANUAL))
                .addAttribute("checked", states.stream().anyMatch(state -> state.status() != PolicyStatus.UNCHECKED));
        return "woocommerce/policies :: policies";
    }

    /** The pick-a-page control for one policy; the store's pages are read only when the owner asks for them. */
    @GetMapping("/{type}/pages")
    String pages(@PathVariable UUID id, @PathVariable String type, Model model) {
        PolicyType policyType = WooCommercePolicies.type(type);
        model.addAttribute("integrationId", id).addAttribute("type", policyType)
                .addAttribute("label", PolicyState.label(policyType))
                .addAttribute("current", policies.get(account.id(), id, policyType).pageId());
        try {
            model.addAttribute("pages", policies.pages(account.id(), id));
        } catch (BatonException e) {
            if (e.status() == 404) {
                throw e;
            }
            model.addAttribute("pages", List.of()).addAttribute("error", "Baton could not list the store's pages: "
                    + e.getMessage() + " Try again in a moment.");
        }
        return "woocommerce/policies :: picker";
    }

    @PostMapping("/{type}")
    String pick(@PathVariable UUID id, @PathVariable String type, @RequestParam long pageId,
            RedirectAttributes redirect) {
        try {
            PolicyState picked = policies.pick(account.id(), id, WooCommercePolicies.type(type), pageId);
            redirect.addFlashAttribute("message", "The " + lower(picked.label()) + " now comes from the page '"
                    + picked.pageTitle() + "'. It is being indexed as a synced source.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge";
    }

    /**
     * The owner writes the policy by hand: from now on it is not listed as missing, and the Knowledge page opens its
     * "Add a source" form with the policy's name as the title.
     */
    @PostMapping("/{type}/by-hand")
    String byHand(@PathVariable UUID id, @PathVariable String type, RedirectAttributes redirect) {
        try {
            PolicyState state = policies.markByHand(account.id(), id, WooCommercePolicies.type(type));
            redirect.addFlashAttribute("message", "Write your " + lower(state.label()) + " below. Baton no longer "
                    + "looks for it in the store; \"Look in the store again\" on the store card undoes this.");
            return "redirect:" + UriComponentsBuilder.fromPath("/knowledge")
                    .queryParam("newSource", state.label()).encode().build().toUriString();
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/knowledge";
        }
    }

    @PostMapping("/{type}/look-again")
    String lookAgain(@PathVariable UUID id, @PathVariable String type, RedirectAttributes redirect) {
        try {
            PolicyState state = policies.lookAgain(account.id(), id, WooCommercePolicies.type(type));
            redirect.addFlashAttribute("message", state.status() == PolicyStatus.MISSING
                    ? "The store has no page Baton recognises as its " + lower(state.label()) + ". Pick one, or add it by hand."
                    : "The " + lower(state.label()) + " comes from the store's page '" + state.pageTitle() + "' again.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge";
    }

    private static long count(List<PolicyState> states, PolicyStatus... statuses) {
        List<PolicyStatus> wanted = List.of(statuses);
        return states.stream().filter(state -> wanted.contains(state.status())).count();
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
