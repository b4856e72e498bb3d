package dev.baton.handover.internal;

import dev.baton.handover.HandoverReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules an account has changed; every query names the account. */
@Repository
class RuleSettingRepository {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    RuleSettingRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record StoredRule(HandoverReason reason, boolean enabled, Map<String, Object> thresholds) {
    }

    List<StoredRule> find(UUID accountId) {
        return jdbc.sql("select reason, enabled, thresholds from handover_rule_settings where account_id = :account")
                .param("account", accountId)
                .query((rs, n) -> new StoredRule(HandoverReason.valueOf(rs.getString("reason")), rs.getBoolean("enabled"),
                        json.readValue(rs.getString("thresholds"), OBJECT)))
                .list();
    }

    void save(UUID accountId, StoredRule rule) {
        String thresholds = json.writeValueAsString(rule.thresholds());
        int updated = jdbc.sql("""
                update handover_rule_settings set enabled = :enabled, thresholds = :thresholds, updated_at = :now
                where account_id = :account and reason = :reason""")
                .param("enabled", rule.enabled()).param("thresholds", thresholds).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).param("reason", rule.reason().name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into handover_rule_settings (account_id, reason, enabled, thresholds, updated_at)
                    values (:account, :reason, :enabled, :thresholds, :now)""")
                    .param("account", accountId).param("reason", rule.reason().name()).param("enabled", rule.enabled())
                    .param("thresholds", thresholds).param("now", OffsetDateTime.now(clock)).update();
        }
    }
}
