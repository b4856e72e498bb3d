package dev.baton.shopify.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Order;
import dev.baton.shared.BatonException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shopify's {@code customers/data_request}: a customer asked the store for the data it holds about them. Baton
 * records the request with an export of everything it keeps about that customer (their orders), which the store
 * owner downloads and sends on.
 */
@Service
public class ShopifyDataRequests {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ObjectMapper json;
    private final Clock clock;

    ShopifyDataRequests(JdbcClient jdbc, Catalog catalog, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    void record(UUID accountId, String shop, String email, String phone) {
        List<Order> orders = catalog.ordersOf(accountId, CatalogOrigin.SHOPIFY, email, phone);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("shop", shop);
        export.put("customer", Map.of("email", email == null ? "" : email, "phone", phone == null ? "" : phone));
        export.put("generatedAt", OffsetDateTime.now(clock).toString());
        export.put("orders", orders);
        jdbc.sql("""
                insert into shopify_data_request (id, account_id, shop, customer_email, customer_phone, export, requested_at)
                values (:id, :account, :shop, :email, :phone, :export, :now)""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("shop", shop).param("email", email)
                .param("phone", phone).param("export", json.writeValueAsString(export))
                .param("now", OffsetDateTime.now(clock)).update();
    }

    @Transactional(readOnly = true)
    public List<DataRequest> list(UUID accountId) {
        return jdbc.sql("""
                select id, shop, customer_email, customer_phone, requested_at from shopify_data_request
                where account_id = :account order by requested_at desc""")
                .param("account", accountId)
                .query((rs, n) -> new DataRequest(rs.getObject("id", UUID.class), rs.getString("shop"),
                        rs.getString("customer_email"), rs.getString("customer_phone"),
                        rs.getObject("requested_at", OffsetDateTime.class)))
                .list();
    }

    @Transactional(readOnly = true)
    public String export(UUID accountId, UUID id) {
        return jdbc.sql("select export from shopify_data_request where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).query(String.class).optional()
                .orElseThrow(() -> BatonException.notFound("Data request", id));
    }

    public record DataRequest(UUID id, String shop, String customerEmail, String customerPhone,
            OffsetDateTime requestedAt) {
    }
}
