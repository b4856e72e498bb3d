package dev.baton.woocommerce.internal;

import dev.baton.catalog.PolicyType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The owner's choices and the last look, per store and policy. Each write first makes sure the row exists (H2 has
 * no {@code on conflict do update}), then changes only its own columns: a sync recording what it saw never touches
 * the owner's choice, and a choice never touches what the sync saw unless it looked itself.
 */
@Repository
class WooCommercePolicyRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    WooCommercePolicyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<PolicyState> find(UUID integrationId) {
        return jdbc.sql("""
                select policy_type, picked_page_id, by_hand, page_id, page_title, page_link, checked_at
                from woocommerce_policy where integration_id = :id""")
                .param("id", integrationId)
                .query((rs, n) -> new PolicyState(PolicyType.valueOf(rs.getString("policy_type")),
                        rs.getLong("picked_page_id"), rs.getBoolean("by_hand"), rs.getLong("page_id"),
                        text(rs.getString("page_title")), text(rs.getString("page_link")),
                        rs.getObject("checked_at", OffsetDateTime.class)))
                .list();
    }

    /** What a look saw: the page, or none. */
    void recordLook(UUID integrationId, UUID accountId, PolicyPages.Lookup lookup) {
        ensure(integrationId, accountId, lookup.type());
        jdbc.sql("""
                update woocommerce_policy set page_id = :page, page_title = :title, page_link = :link, checked_at = :now
                where integration_id = :id and policy_type = :type""")
                .param("page", lookup.found().map(page -> page.id()).orElse(null))
                .param("title", lookup.found().map(PolicyPages::title).map(title -> cut(title, 300)).orElse(null))
                .param("link", lookup.found().map(page -> cut(WooCommerceMapping.text(page.link()), 1000)).orElse(null))
                .param("now", OffsetDateTime.now(clock))
                .param("id", integrationId).param("type", lookup.type().name())
                .update();
    }

    void pick(UUID integrationId, UUID accountId, PolicyType type, long pageId) {
        choose(integrationId, accountId, type, pageId, false);
    }

    /** The owner writes this policy in Baton: the last look no longer counts. */
    void markByHand(UUID integrationId, UUID accountId, PolicyType type) {
        choose(integrationId, accountId, type, null, true);
        jdbc.sql("""
                update woocommerce_policy set page_id = null, page_title = null, page_link = null, checked_at = :now
                where integration_id = :id and policy_type = :type""")
                .param("now", OffsetDateTime.now(clock)).param("id", integrationId).param("type", type.name())
                .update();
    }

    void clearChoice(UUID integrationId, UUID accountId, PolicyType type) {
        choose(integrationId, accountId, type, null, false);
    }

    private void choose(UUID integrationId, UUID accountId, PolicyType type, Long pageId, boolean byHand) {
        ensure(integrationId, accountId, type);
        jdbc.sql("""
                update woocommerce_policy set picked_page_id = :page, by_hand = :byHand
                where integration_id = :id and policy_type = :type""")
                .param("page", pageId).param("byHand", byHand)
                .param("id", integrationId).param("type", type.name())
                .update();
    }

    private void ensure(UUID integrationId, UUID accountId, PolicyType type) {
        jdbc.sql("""
                insert into woocommerce_policy (integration_id, account_id, policy_type)
                values (:id, :account, :type)
                on conflict do nothing""")
                .param("id", integrationId).param("account", accountId).param("type", type.name())
                .update();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
