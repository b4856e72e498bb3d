package dev.baton.knowledge.web;

import dev.baton.account.CurrentAccount;
import dev.baton.knowledge.internal.Source;
import dev.baton.knowledge.internal.SourceService;
import dev.baton.knowledge.internal.SourceCounts;
import dev.baton.knowledge.internal.SourceFilter;
import dev.baton.knowledge.internal.SourcePage;
import dev.baton.knowledge.internal.SourceUploads;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;
import java.util.function.Supplier;

/** The Knowledge page: the sources with their status (paged, filtered), and the forms to add, edit and archive manual ones. */
@Controller
@RequestMapping("/knowledge")
class KnowledgePageController {

    static final int PAGE_SIZE = 100;

    private final SourceService sources;
    private final SourceUploads uploads;
    private final CurrentAccount account;

    KnowledgePageController(SourceService sources, SourceUploads uploads, CurrentAccount account) {
        this.sources = sources;
        this.uploads = uploads;
        this.account = account;
    }

    /** {@code newSource}: opens the "Add a source" form with this title (a store policy the owner writes by hand). */
    @GetMapping
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String newSource, Model model) {
        addSources(model, q, status, page);
        if (newSource != null && !newSource.isBlank()) {
            model.addAttribute("newSourceTitle", newSource.strip());
        }
        return "knowledge/index";
    }

    /** The list alone, for htmx: the filter form, the pager, and the refresh while sources are being indexed. */
    @GetMapping("/sources")
    String table(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        addSources(model, q, status, page);
        return "knowledge/sources :: table";
    }

    @GetMapping("/sources/{id}")
    String view(@PathVariable UUID id, Model model) {
        model.addAttribute("source", sources.get(account.id(), id));
        return "knowledge/view";
    }

    @GetMapping("/sources/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Source source = sources.get(account.id(), id);
        model.addAttribute("id", id).addAttribute("title", source.title()).addAttribute("text", source.body());
        return "knowledge/edit";
    }

    @PostMapping("/sources")
    String create(@RequestParam String title, @RequestParam String text, RedirectAttributes redirect) {
        return act(redirect, () -> "Added '" + sources.createManual(account.id(), title, text).title()
                + "'. It is being indexed.");
    }

    @PostMapping("/sources/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String title,
            RedirectAttributes redirect) {
        return act(redirect, () -> "Added '" + uploads.upload(account.id(), file, title).title()
                + "' from the file. It is being indexed.");
    }

    @PostMapping("/sources/{id}")
    String update(@PathVariable UUID id, @RequestParam String title, @RequestParam String text, Model model,
            RedirectAttributes redirect) {
        try {
            sources.update(account.id(), id, title, text);
        } catch (BatonException e) {
            model.addAttribute("id", id).addAttribute("title", title).addAttribute("text", text)
                    .addAttribute("error", e.getMessage());
            return "knowledge/edit";
        }
        redirect.addFlashAttribute("message", "Saved '" + title.strip() + "'. It is being indexed again.");
        return "redirect:/knowledge";
    }

    @PostMapping("/sources/{id}/archive")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> "Archived '" + sources.archive(account.id(), id, true).title()
                + "': the agent no longer uses it. Restore it any time.");
    }

    @PostMapping("/sources/{id}/restore")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> "Restored '" + sources.archive(account.id(), id, false).title() + "'.");
    }

    private String act(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (BatonException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/knowledge";
    }

    /**
     * A page of the list, never the whole of it: a synced catalog has thousands of sources, and the list refreshes
     * every two seconds while they are being indexed. The counts above it cover every source.
     */
    private void addSources(Model model, String q, String status, int page) {
        SourceFilter filter = SourceFilter.of(q, status);
        SourcePage shown = sources.page(account.id(), filter, Math.max(0, page), PAGE_SIZE);
        SourceCounts counts = sources.counts(account.id());
        model.addAttribute("sources", shown.sources()).addAttribute("list", shown).addAttribute("counts", counts)
                .addAttribute("indexedCount", counts.indexed()).addAttribute("pending", counts.pending() > 0)
                .addAttribute("q", filter.text()).addAttribute("status", filter.state().name());
    }
}
