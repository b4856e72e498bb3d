package dev.baton.shopify.web;

import dev.baton.account.CurrentAccount;
import dev.baton.shared.BatonException;
import dev.baton.shopify.internal.ShopifyConnections;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The store card's "custom app token" form. */
@Controller
class ShopifyPageController {

    private final ShopifyConnections connections;
    private final CurrentAccount account;

    ShopifyPageController(ShopifyConnections connections, CurrentAccount account) {
        this.connections = connections;
        this.account = account;
    }

    @PostMapping("/shopify/connect-token")
    String connect(@RequestParam String shop, @RequestParam String accessToken,
            @RequestParam(required = false) String apiSecret, RedirectAttributes redirect) {
        try {
            var result = connections.connectWithToken(account.id(), shop, accessToken, apiSecret);
            redirect.addFlashAttribute("message", "Connected " + shop.strip() + ". The first sync has started. "
                    + result.webhooks().message());
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge";
    }
}
