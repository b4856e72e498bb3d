package dev.baton.knowledge.internal;

import dev.baton.knowledge.SourceOrigin;
import dev.baton.shared.BatonException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What people and syncs do to sources. Each change is saved with a {@link SourceChanged} event in one transaction;
 * the index follows in the background.
 */
@Service
public class SourceService {

    static final int MAX_TITLE_LENGTH = 300;

    private final SourceRepository sources;
    private final ApplicationEventPublisher events;
    private final KnowledgeProperties properties;

    SourceService(SourceRepository sources, ApplicationEventPublisher events, KnowledgeProperties properties) {
        this.sources = sources;
        this.events = events;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public List<Source> list(UUID accountId) {
        return sources.findAll(accountId);
    }

    /** A page of the sources the filter matches, and how many it matches in all. */
    @Transactional(readOnly = true)
    public SourcePage page(UUID accountId, SourceFilter filter, int page, int pageSize) {
        long matching = sources.countMatching(accountId, filter);
        int lastPage = (int) Math.max(0, (matching - 1) / pageSize);
        int shown = Math.max(0, Math.min(page, lastPage));
        return new SourcePage(sources.findPage(accountId, filter, shown * pageSize, pageSize), shown, pageSize, matching);
    }

    public SourceCounts counts(UUID accountId) {
        return sources.counts(accountId);
    }

    @Transactional(readOnly = true)
    public Source get(UUID accountId, UUID id) {
        return sources.find(accountId, id).orElseThrow(() -> BatonException.notFound("Source", id));
    }

    @Transactional
    public Source createManual(UUID accountId, String title, String text) {
        validate(title, text);
        UUID id = sources.insert(accountId, SourceOrigin.MANUAL, null, title.strip(), text);
        changed(accountId, id);
        return get(accountId, id);
    }

    @Transactional
    public Source update(UUID accountId, UUID id, String title, String text) {
        Source source = editable(accountId, id, "edited");
        validate(title, text);
        sources.updateContent(accountId, source.id(), title.strip(), text);
        changed(accountId, id);
        return get(accountId, id);
    }

    @Transactional
    public void delete(UUID accountId, UUID id) {
        editable(accountId, id, "deleted");
        sources.delete(accountId, id);
        changed(accountId, id);
    }

    @Transactional
    public Source archive(UUID accountId, UUID id, boolean archived) {
        Source source = editable(accountId, id, archived ? "archived" : "restored");
        if (source.archived() != archived) {
            sources.setArchived(accountId, id, archived);
            changed(accountId, id);
        }
        return get(accountId, id);
    }

    /** A sync delivers the current text of a store item; unchanged text changes nothing. */
    @Transactional
    public void upsertSynced(UUID accountId, SourceOrigin origin, String externalRef, String title, String text) {
        syncAll(accountId, origin, List.of(new SyncedItem(externalRef, title, text)));
    }

    /**
     * What a sync delivered for a batch of store items, in one transaction and one {@link SourceChanged} event:
     * the current text of each item, or null text for an item the store no longer shows.
     */
    @Transactional
    public void syncAll(UUID accountId, SourceOrigin origin, List<SyncedItem> items) {
        List<UUID> changed = new ArrayList<>();
        for (SyncedItem item : items) {
            if (item.text() == null) {
                sources.findSynced(accountId, origin, item.externalRef()).ifPresent(source -> {
                    sources.delete(accountId, source.id());
                    changed.add(source.id());
                });
            } else {
                changed.addAll(upsert(accountId, origin, item));
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new SourceChanged(accountId, List.copyOf(changed)));
        }
    }

    private List<UUID> upsert(UUID accountId, SourceOrigin origin, SyncedItem item) {
        String title = item.title();
        String shortTitle = title.length() > MAX_TITLE_LENGTH ? title.substring(0, MAX_TITLE_LENGTH) : title;
        Optional<Source> existing = sources.findSynced(accountId, origin, item.externalRef());
        if (existing.isEmpty()) {
            List<UUID> changed = new ArrayList<>();
            changed.add(sources.insert(accountId, origin, item.externalRef(), shortTitle, item.text()));
            changed.addAll(archiveManualDuplicates(accountId, origin, shortTitle));
            return changed;
        }
        if (!Objects.equals(existing.get().contentHash(), ContentHash.of(shortTitle, item.text()))) {
            sources.updateContent(accountId, existing.get().id(), shortTitle, item.text());
            return List.of(existing.get().id());
        }
        return List.of();
    }

    /** A store item as a sync delivers it; {@code text} is null when the store no longer shows it. */
    public record SyncedItem(String externalRef, String title, String text) {

        static SyncedItem removed(String externalRef) {
            return new SyncedItem(externalRef, null, null);
        }
    }

    /**
     * A hand-written source that covers what the store now provides (same title: "Refund policy") would give the
     * agent two versions to choose from. It is archived, never deleted: the owner can restore it.
     */
    private List<UUID> archiveManualDuplicates(UUID accountId, SourceOrigin origin, String title) {
        List<UUID> archived = sources.findLiveManualTitled(accountId, title);
        for (UUID duplicate : archived) {
            sources.setArchived(accountId, duplicate, true, "Replaced by '" + title + "' synced from "
                    + storeName(origin) + ". Restore it if you still need it.");
        }
        return archived;
    }

    private Source editable(UUID accountId, UUID id, String action) {
        Source source = get(accountId, id);
        if (source.locked()) {
            throw BatonException.conflict("'" + source.title() + "' is synced from " + storeName(source.origin())
                    + " and cannot be " + action + " here. Change it in the store; the next sync brings it here.");
        }
        return source;
    }

    private void validate(String title, String text) {
        if (title == null || title.isBlank()) {
            throw BatonException.badRequest("A source needs a title.");
        }
        if (title.strip().length() > MAX_TITLE_LENGTH) {
            throw BatonException.badRequest("The title is longer than " + MAX_TITLE_LENGTH + " characters.");
        }
        if (text == null || text.isBlank()) {
            throw BatonException.badRequest("A source needs some text; this one is empty.");
        }
        if (text.length() > properties.maxTextLength()) {
            throw BatonException.tooLarge("The text has " + text.length() + " characters; the limit is "
                    + properties.maxTextLength() + ". Split it into several sources.");
        }
    }

    private void changed(UUID accountId, UUID sourceId) {
        events.publishEvent(SourceChanged.of(accountId, sourceId));
    }

    private static String storeName(SourceOrigin origin) {
        return switch (origin) {
            case SHOPIFY -> "Shopify";
            case WOOCOMMERCE -> "WooCommerce";
            case FILE_IMPORT -> "a store export file";
            case MANUAL -> "nowhere";
        };
    }
}
