package dev.baton.conversation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An account's conversation settings as stored: the survey texts only where the account changed them. */
@Repository
class ConversationSettingsRepository {

    private static final TypeReference<Map<String, SurveyText>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ConversationSettingsRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record Stored(boolean csatEnabled, int idleCloseAfterMinutes, Map<String, SurveyText> changedTexts) {
    }

    Optional<Stored> find(UUID accountId) {
        return jdbc.sql("""
                select csat_enabled, idle_close_after_minutes, survey_texts from conversation_settings
                where account_id = :account""")
                .param("account", accountId)
                .query((rs, n) -> new Stored(rs.getBoolean("csat_enabled"), rs.getInt("idle_close_after_minutes"),
                        json.readValue(rs.getString("survey_texts"), TEXTS)))
                .optional();
    }

    /** Locks the account's row (made with the defaults if missing), so two changes at once apply one after the other. */
    Stored lock(UUID accountId) {
        // both databases wait here for a row another request is inserting, then do nothing
        jdbc.sql("""
                insert into conversation_settings (account_id, csat_enabled, idle_close_after_minutes, survey_texts,
                    updated_at)
                values (:account, false, :idle, '{}', :now)
                on conflict do nothing""")
                .param("account", accountId).param("idle", ConversationSettings.DEFAULT_IDLE_CLOSE_MINUTES)
                .param("now", OffsetDateTime.now(clock)).update();
        jdbc.sql("select account_id from conversation_settings where account_id = :account for update")
                .param("account", accountId).query(UUID.class).single();
        return find(accountId).orElseThrow();
    }

    void save(UUID accountId, Stored settings) {
        jdbc.sql("""
                update conversation_settings set csat_enabled = :csat, idle_close_after_minutes = :idle,
                    survey_texts = :texts, updated_at = :now
                where account_id = :account""")
                .param("csat", settings.csatEnabled()).param("idle", settings.idleCloseAfterMinutes())
                .param("texts", json.writeValueAsString(settings.changedTexts())).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).update();
    }
}
