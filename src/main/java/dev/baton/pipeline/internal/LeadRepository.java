package dev.baton.pipeline.internal;

import dev.baton.pipeline.Lead;
import dev.baton.pipeline.LeadNote;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads in the stages of pipelines; every query names the account. */
@Repository
class LeadRepository {

    private static final String COLUMNS = "id, account_id, pipeline_id, stage_id, contact_id, name, responsible_user_id, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Lead lead) {
        jdbc.sql("""
                insert into lead (id, account_id, pipeline_id, stage_id, contact_id, name, responsible_user_id,
                    created_at, updated_at)
                values (:id, :account, :pipeline, :stage, :contact, :name, :responsible, :now, :now)""")
                .param("id", lead.id()).param("account", lead.accountId()).param("pipeline", lead.pipelineId())
                .param("stage", lead.stageId()).param("contact", lead.contactId()).param("name", lead.name())
                .param("responsible", lead.responsibleUserId())
                .param("now", OffsetDateTime.ofInstant(lead.createdAt(), clock.getZone())).update();
    }

    Optional<Lead> find(UUID accountId, UUID leadId) {
        return jdbc.sql("select " + COLUMNS + " from lead where account_id = :account and id = :id")
                .param("account", accountId).param("id", leadId).query(mapper()).optional();
    }

    /** The contact's most recent lead in a stage that is not won or lost. */
    Optional<Lead> openLeadOf(UUID accountId, UUID contactId) {
        return jdbc.sql("select l.id, l.account_id, l.pipeline_id, l.stage_id, l.contact_id, l.name, "
                        + "l.responsible_user_id, l.created_at from lead l join pipeline_stage s on s.id = l.stage_id "
                        + "where l.account_id = :account and l.contact_id = :contact and s.kind = 'OPEN' "
                        + "order by l.created_at desc limit 1")
                .param("account", accountId).param("contact", contactId).query(mapper()).optional();
    }

    /** A page of the account's leads, newest first, in a pipeline and a stage when they are given (null: any). */
    List<Lead> page(UUID accountId, UUID pipelineId, UUID stageId, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from lead where account_id = :account"
                        + (pipelineId == null ? "" : " and pipeline_id = :pipeline")
                        + (stageId == null ? "" : " and stage_id = :stage")
                        + " order by created_at desc, id limit :limit offset :offset")
                .params(filter(accountId, pipelineId, stageId)).param("limit", limit).param("offset", offset)
                .query(mapper()).list();
    }

    long count(UUID accountId, UUID pipelineId, UUID stageId) {
        return jdbc.sql("select count(*) from lead where account_id = :account"
                        + (pipelineId == null ? "" : " and pipeline_id = :pipeline")
                        + (stageId == null ? "" : " and stage_id = :stage"))
                .params(filter(accountId, pipelineId, stageId)).query(Long.class).single();
    }

    /** How many leads each stage of the pipeline holds; a stage without leads is missing. */
    Map<UUID, Long> countsByStage(UUID accountId, UUID pipelineId) {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql("select stage_id, count(*) as leads from lead where account_id = :account and pipeline_id = :pipeline "
                        + "group by stage_id")
                .param("account", accountId).param("pipeline", pipelineId)
                .query(rs -> {
                    counts.put(rs.getObject("stage_id", UUID.class), rs.getLong("leads"));
                });
        return counts;
    }

    boolean move(UUID accountId, UUID leadId, UUID pipelineId, UUID stageId) {
        return jdbc.sql("""
                update lead set pipeline_id = :pipeline, stage_id = :stage, updated_at = :now
                where account_id = :account and id = :id""")
                .param("pipeline", pipelineId).param("stage", stageId).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).param("id", leadId).update() > 0;
    }

    boolean assign(UUID accountId, UUID leadId, UUID userId) {
        return jdbc.sql("update lead set responsible_user_id = :user, updated_at = :now where account_id = :account and id = :id")
                .param("user", userId).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).param("id", leadId).update() > 0;
    }

    void addNote(UUID accountId, UUID leadId, String author, String text) {
        jdbc.sql("""
                insert into lead_note (id, account_id, lead_id, author, text, created_at)
                values (:id, :account, :lead, :author, :text, :now)""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("lead", leadId)
                .param("author", author).param("text", text).param("now", OffsetDateTime.now(clock)).update();
    }

    List<LeadNote> notes(UUID accountId, UUID leadId) {
        return jdbc.sql("""
                select id, lead_id, author, text, created_at from lead_note
                where account_id = :account and lead_id = :lead order by created_at desc, id""")
                .param("account", accountId).param("lead", leadId)
                .query((rs, n) -> new LeadNote(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
                        rs.getString("author"), rs.getString("text"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Map<String, Object> filter(UUID accountId, UUID pipelineId, UUID stageId) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        if (pipelineId != null) {
            params.put("pipeline", pipelineId);
        }
        if (stageId != null) {
            params.put("stage", stageId);
        }
        return params;
    }

    private static RowMapper<Lead> mapper() {
        return (rs, n) -> new Lead(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("pipeline_id", UUID.class), rs.getObject("stage_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("name"),
                rs.getObject("responsible_user_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
