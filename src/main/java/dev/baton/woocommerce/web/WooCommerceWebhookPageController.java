package dev.baton.woocommerce.web;

import dev.baton.account.CurrentAccount;
import dev.baton.woocommerce.internal.WooCommerceWebhookSetup;
import dev.baton.woocommerce.internal.WooCommerceWebhooks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The live-updates part of a WooCommerce store's card (loaded by htmx from the catalog's card): whether the store's
 * webhooks are set up and, when its keys may only read, what the owner enters in WooCommerce to add them by hand.
 */
@Controller
@RequestMapping("/woocommerce/integrations/{id}/webhooks")
class WooCommerceWebhookPageController {

    private final WooCommerceWebhooks webhooks;
    private final CurrentAccount account;

    WooCommerceWebhookPageController(WooCommerceWebhooks webhooks, CurrentAccount account) {
        this.webhooks = webhooks;
        this.account = account;
    }

    @GetMapping
    String webhooks(@PathVariable UUID id, Model model) {
        model.addAttribute("integrationId", id).addAttribute("webhooks", webhooks.details(account.id(), id));
        return "woocommerce/webhooks :: webhooks";
    }

    /** After the owner added or re-activated webhooks in WooCommerce (or gave read/write keys): look again now. */
    @PostMapping("/check")
    String check(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.details(account.id(), id); // 404 for another account's store, before the store is called
        WooCommerceWebhookSetup setup = webhooks.ensure(id);
        redirect.addFlashAttribute(setup.status() == WooCommerceWebhookSetup.Status.REGISTERED ? "message" : "error",
                setup.message());
        return "redirect:/knowledge";
    }
}
