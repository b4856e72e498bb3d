package dev.baton.woocommerce.web;

import dev.baton.account.CurrentAccount;
import dev.baton.shared.BatonException;
import dev.baton.woocommerce.internal.WooCommerceConnections;
import dev.baton.woocommerce.internal.WooCommerceKeyExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The store card's WooCommerce forms and the owner's way back from the store's consent screen. Everything ends on
 * the Knowledge page, with a message or the readable reason it did not work.
 */
@Controller
class WooCommerceConnectController {

    private static final String KNOWLEDGE = "redirect:/knowledge";

    private final WooCommerceKeyExchange exchange;
    private final WooCommerceConnections connections;
    private final CurrentAccount account;
    private final String publicUrl;

    WooCommerceConnectController(WooCommerceKeyExchange exchange, WooCommerceConnections connections,
            CurrentAccount account, @Value("${baton.public-url:}") String publicUrl) {
        this.exchange = exchange;
        this.connections = connections;
        this.account = account;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/woocommerce/connect")
    ModelAndView connect(@RequestParam(required = false) String store, RedirectAttributes redirect) {
        try {
            var consent = new RedirectView(exchange.begin(account.id(), store, batonUrl()).toString());
            consent.setExpandUriTemplateVariables(false);
            return new ModelAndView(consent);
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return new ModelAndView(KNOWLEDGE);
        }
    }

    /** WooCommerce sends the owner here with {@code success=1} after it posted the keys, {@code 0} if they declined. */
    @GetMapping(WooCommerceKeyExchange.RETURN_PATH)
    String returned(@RequestParam(required = false) String success,
            @RequestParam(name = "user_id", required = false) String nonce, RedirectAttributes redirect) {
        var returned = exchange.returned(account.id(), success, nonce);
        switch (returned.outcome()) {
            case CONNECTED -> redirect.addFlashAttribute("message", "Connected " + returned.storeAddress()
                    + ". The first sync has started; its progress shows in the store card.");
            case DECLINED -> redirect.addFlashAttribute("error", "The connection was declined at the store, so "
                    + "nothing was connected. Connect again when you are ready.");
            case EXPIRED -> redirect.addFlashAttribute("error", "Baton did not receive the store's keys: the "
                    + "connect link had expired (it lasts 15 minutes) or was already used. Connect again.");
        }
        return KNOWLEDGE;
    }

    @PostMapping("/woocommerce/connect-keys")
    String connectWithKeys(@RequestParam String storeUrl, @RequestParam String consumerKey,
            @RequestParam String consumerSecret, RedirectAttributes redirect) {
        try {
            var connected = connections.connectWithKeys(account.id(), storeUrl, consumerKey, consumerSecret);
            redirect.addFlashAttribute("message", "Connected " + connected.integration().storeAddress()
                    + ". The first sync has started; its progress shows in the store card.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return KNOWLEDGE;
    }

    /** Where the store and the owner's browser reach Baton: baton.public-url, else the address this request came to. */
    private String batonUrl() {
        String base = publicUrl == null || publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl.strip();
        return base.replaceAll("/+$", "");
    }
}
