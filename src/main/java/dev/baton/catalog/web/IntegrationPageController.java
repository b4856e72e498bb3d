package dev.baton.catalog.web;

import dev.baton.account.CurrentAccount;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.internal.IntegrationService;
import dev.baton.catalog.internal.SyncJob;
import dev.baton.shared.BatonException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;
import java.util.UUID;

/**
 * The store card on the Knowledge page: connect a store, see its status and last sync, re-sync it, and watch a
 * running sync's progress (the card reloads itself every second while a job runs).
 */
@Controller
@RequestMapping("/integrations")
class IntegrationPageController {

    private final IntegrationService integrations;
    private final CurrentAccount account;

    IntegrationPageController(IntegrationService integrations, CurrentAccount account) {
        this.integrations = integrations;
        this.account = account;
    }

    @GetMapping("/card")
    String card(Model model, HttpServletResponse response) {
        Optional<StoreIntegration> connected = integrations.list(account.id()).stream()
                .filter(StoreIntegration::connected).findFirst();
        Optional<SyncJob> job = connected.flatMap(integration -> integrations.latestJob(integration.id()));
        model.addAttribute("integration", connected.orElse(null))
                .addAttribute("job", job.orElse(null))
                .addAttribute("running", job.map(IntegrationPageController::running).orElse(false));
        if (job.isPresent()) {
            // A sync brings sources in: the source list (listening for this htmx event) reloads with the card.
            response.setHeader("HX-Trigger", "sourcesChanged");
        }
        return "integrations/card :: card";
    }

    private static boolean running(SyncJob job) {
        return job.status() == SyncJob.Status.QUEUED || job.status() == SyncJob.Status.RUNNING;
    }

    @PostMapping("/{id}/sync")
    String sync(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            integrations.startSync(account.id(), id);
            redirect.addFlashAttribute("message", "Sync started. The progress shows in the store card.");
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge";
    }

    @PostMapping("/{id}/disconnect")
    String disconnect(@PathVariable UUID id, RedirectAttributes redirect) {
        integrations.disconnect(account.id(), id);
        redirect.addFlashAttribute("message", "The store is disconnected. Its synced sources stay until you connect "
                + "another store or ask for them to be erased.");
        return "redirect:/knowledge";
    }
}
