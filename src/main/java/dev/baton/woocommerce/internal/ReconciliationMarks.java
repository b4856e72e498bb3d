package dev.baton.woocommerce.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Where each store's reconciliation got to: the start of its last successful run (changes after it are still to be
 * read), and why the last run failed, if it did. A failure never moves the mark.
 */
@Repository
class ReconciliationMarks {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReconciliationMarks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<OffsetDateTime> find(UUID integrationId) {
        return jdbc.sql("select reconciled_until from woocommerce_reconciliation where integration_id = :id")
                .param("id", integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("reconciled_until", OffsetDateTime.class)))
                .optional().flatMap(mark -> mark);
    }

    Optional<String> lastFailure(UUID integrationId) {
        return jdbc.sql("select last_failure from woocommerce_reconciliation where integration_id = :id")
                .param("id", integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("last_failure")))
                .optional().flatMap(failure -> failure);
    }

    void advance(UUID integrationId, OffsetDateTime mark) {
        int updated = jdbc.sql("""
                update woocommerce_reconciliation set reconciled_until = :mark, last_failure = null, updated_at = :now
                where integration_id = :id""")
                .param("mark", mark).param("now", now()).param("id", integrationId).update();
        if (updated == 0) {
            insert(integrationId, mark, null);
        }
    }

    /** The mark stays where it was: the next run reads again from there. */
    void recordFailure(UUID integrationId, String reason) {
        String failure = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        int updated = jdbc.sql("""
                update woocommerce_reconciliation set last_failure = :failure, updated_at = :now
                where integration_id = :id""")
                .param("failure", failure).param("now", now()).param("id", integrationId).update();
        if (updated == 0) {
            insert(integrationId, null, failure);
        }
    }

    private void insert(UUID integrationId, OffsetDateTime mark, String failure) {
        jdbc.sql("""
                insert into woocommerce_reconciliation (integration_id, reconciled_until, last_failure, updated_at)
                values (:id, :mark, :failure, :now)
                on conflict do nothing""")
                .param("id", integrationId).param("mark", mark).param("failure", failure).param("now", now())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
