package dev.baton.handover.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code handover_settings}: one row per account that changed something, JSON for the maps. */
@Repository
class HandoverPreferencesRepository {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Integer>> MINUTES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    HandoverPreferencesRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Optional<HandoverPreferences> find(UUID accountId) {
        return jdbc.sql("select * from handover_settings where account_id = :account").param("account", accountId)
                .query((rs, n) -> new HandoverPreferences(json.readValue(rs.getString("transition_messages"), TEXTS),
                        json.readValue(rs.getString("offline_messages"), TEXTS),
                        OfficeHours.parse(json.readValue(rs.getString("office_hours"), TEXTS)),
                        rs.getBoolean("summary_enabled"), rs.getObject("move_to_stage_id", UUID.class),
                        json.readValue(rs.getString("sla_minutes"), MINUTES), rs.getString("vip_group")))
                .optional();
    }

    void save(UUID accountId, HandoverPreferences preferences) {
        ensureRow(accountId);
        jdbc.sql("""
                update handover_settings set transition_messages = :transition, offline_messages = :offline,
                    office_hours = :hours, summary_enabled = :summary, move_to_stage_id = :stage, sla_minutes = :sla,
                    vip_group = :vip, updated_at = :now
                where account_id = :account""")
                .param("transition", json.writeValueAsString(preferences.transitionMessages()))
                .param("offline", json.writeValueAsString(preferences.offlineMessages()))
                .param("hours", json.writeValueAsString(preferences.officeHours().spec()))
                .param("summary", preferences.summaryEnabled()).param("stage", preferences.moveToStageId())
                .param("sla", json.writeValueAsString(preferences.slaMinutes()))
                .param("vip", preferences.vipGroup()).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).update();
    }

    /**
     * Locks the account's row until the transaction ends (created with the defaults if missing): handovers of one
     * account are assigned one after another, so round robin never gives two at once to the same manager.
     */
    void lock(UUID accountId) {
        ensureRow(accountId);
        jdbc.sql("select account_id from handover_settings where account_id = :account for update")
                .param("account", accountId).query(UUID.class).single();
    }

    private void ensureRow(UUID accountId) {
        HandoverPreferences defaults = HandoverPreferences.defaults();
        jdbc.sql("""
                insert into handover_settings (account_id, transition_messages, offline_messages, office_hours,
                    summary_enabled, move_to_stage_id, sla_minutes, vip_group, updated_at)
                values (:account, '{}', '{}', '{}', :summary, null, :sla, :vip, :now)
                on conflict do nothing""")
                .param("account", accountId).param("summary", defaults.summaryEnabled())
                .param("sla", json.writeValueAsString(defaults.slaMinutes())).param("vip", defaults.vipGroup())
                .param("now", OffsetDateTime.now(clock)).update();
    }
}
