package dev.baton.knowledge.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogChanged;
import dev.baton.knowledge.SourceOrigin;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the locked, synced sources in step with what the store shows shoppers. */
@Component
class SyncedSources {

    private final SourceService sources;
    private final Catalog catalog;

    SyncedSources(SourceService sources, Catalog catalog) {
        this.sources = sources;
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(CatalogChanged event) {
        SourceOrigin origin = SourceOrigin.valueOf(event.origin().name());
        List<SourceService.SyncedItem> items = event.refs().stream()
                .map(ref -> catalog.document(event.accountId(), event.origin(), ref)
                        .map(document -> new SourceService.SyncedItem(ref, document.title(), document.text()))
                        .orElseGet(() -> SourceService.SyncedItem.removed(ref)))
                .toList();
        sources.syncAll(event.accountId(), origin, items);
    }
}
