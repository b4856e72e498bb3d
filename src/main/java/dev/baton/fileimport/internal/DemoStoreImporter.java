package dev.baton.fileimport.internal;

import dev.baton.account.AccountCreated;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Policy;
import dev.baton.catalog.StoreInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Loads the demo store that ships in {@code knowledge/demo-store/} into a new account that asked for it. */
@Component
class DemoStoreImporter {

    private static final Logger log = LoggerFactory.getLogger(DemoStoreImporter.class);
    private static final String DEMO_STORE = "classpath:knowledge/demo-store/";

    private final Catalog catalog;
    private final ObjectMapper json;
    private final Clock clock;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    DemoStoreImporter(Catalog catalog, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AccountCreated event) {
        if (event.withDemoStore()) {
            importDemoStore(event.accountId());
        }
    }

    void importDemoStore(UUID accountId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            StoreInfo store = StoreExport.store(json, resource("store.json").getInputStream());
            catalog.updateStore(accountId, CatalogOrigin.FILE_IMPORT, store);
            try (Reader csv = new InputStreamReader(resource("products.csv").getInputStream(), StandardCharsets.UTF_8)) {
                catalog.replaceProducts(accountId, CatalogOrigin.FILE_IMPORT, ShopifyProductCsv.read(csv, store.url(), now));
            }
            List<Policy> policies = new ArrayList<>();
            for (Resource file : resources.getResources(DEMO_STORE + "policies/*.md")) {
                String markdown = file.getContentAsString(StandardCharsets.UTF_8);
                StoreExport.policy(file.getFilename(), markdown, store.url(), now).ifPresent(policies::add);
            }
            catalog.replacePolicies(accountId, CatalogOrigin.FILE_IMPORT, policies);
            catalog.replaceOrders(accountId, CatalogOrigin.FILE_IMPORT,
                    StoreExport.orders(json, resource("orders.json").getInputStream()));
            log.info("Loaded the demo store '{}' into account {}", store.name(), accountId);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo store files cannot be read", e);
        }
    }

    private Resource resource(String name) {
        return resources.getResource(DEMO_STORE + name);
    }
}
