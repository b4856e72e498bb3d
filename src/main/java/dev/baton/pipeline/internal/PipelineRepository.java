package dev.baton.pipeline.internal;

import dev.baton.pipeline.Lead;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.StageKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pipelines, stages, leads and the agent's trigger settings; every query names the account. */
@Repository
public class PipelineRepository {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final String STAGE_COLUMNS = "id, pipeline_id, name, position, kind, ai_trigger, automations";
    private static final String LEAD_COLUMNS =
            "id, account_id, pipeline_id, stage_id, contact_id, name, responsible_user_id, created_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    PipelineRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record PipelineRow(UUID id, String name, int position) {
    }

    void insertPipeline(UUID accountId, UUID id, String name, int position) {
        jdbc.sql("insert into pipeline (id, account_id, name, position, created_at) values (:id, :account, :name, :position, :now)")
                .param("id", id).param("account", accountId).param("name", name).param("position", position)
                .param("now", OffsetDateTime.now(clock)).update();
    }

    void insertStage(UUID accountId, UUID pipelineId, UUID id, String name, int position, StageKind kind,
            boolean aiTrigger, List<String> automations) {
        jdbc.sql("""
                insert into pipeline_stage (id, account_id, pipeline_id, name, position, kind, ai_trigger, automations,
                    created_at)
                values (:id, :account, :pipeline, :name, :position, :kind, :trigger, :automations, :now)""")
                .param("id", id).param("account", accountId).param("pipeline", pipelineId).param("name", name)
                .param("position", position).param("kind", kind.name()).param("trigger", aiTrigger)
                .param("automations", json.writeValueAsString(automations)).param("now", OffsetDateTime.now(clock))
                .update();
    }

    List<PipelineRow> pipelines(UUID accountId) {
        return jdbc.sql("select id, name, position from pipeline where account_id = :account order by position, created_at")
                .param("account", accountId)
                .query((rs, n) -> new PipelineRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position")))
                .list();
    }

    /** Locks the account's pipelines while the first one is created, so two nodes do not both create it. */
    void lockAccount(UUID accountId) {
        jdbc.sql("select id from account where id = :account for update").param("account", accountId)
                .query(UUID.class).optional();
    }

    List<Stage> stages(UUID accountId, UUID pipelineId) {
        return jdbc.sql("select " + STAGE_COLUMNS + " from pipeline_stage where account_id = :account "
                        + "and pipeline_id = :pipeline order by position, created_at")
                .param("account", accountId).param("pipeline", pipelineId).query(stageMapper()).list();
    }

    Optional<Stage> stage(UUID accountId, UUID stageId) {
        return jdbc.sql("select " + STAGE_COLUMNS + " from pipeline_stage where account_id = :account and id = :id")
                .param("account", accountId).param("id", stageId).query(stageMapper()).optional();
    }

    boolean setAiTrigger(UUID accountId, UUID stageId, boolean on) {
        return jdbc.sql("update pipeline_stage set ai_trigger = :on where account_id = :account and id = :id")
                .param("on", on).param("account", accountId).param("id", stageId).update() > 0;
    }

    void insertLead(Lead lead) {
        jdbc.sql("""
                insert into lead (id, account_id, pipeline_id, stage_id, contact_id, name, responsible_user_id,
                    created_at, updated_at)
                values (:id, :account, :pipeline, :stage, :contact, :name, :responsible, :now, :now)""")
                .param("id", lead.id()).param("account", lead.accountId()).param("pipeline", lead.pipelineId())
                .param("stage", lead.stageId()).param("contact", lead.contactId()).param("name", lead.name())
                .param("responsible", lead.responsibleUserId())
                .param("now", OffsetDateTime.ofInstant(lead.createdAt(), clock.getZone())).update();
    }

    Optional<Lead> lead(UUID accountId, UUID leadId) {
        return jdbc.sql("select " + LEAD_COLUMNS + " from lead where account_id = :account and id = :id")
                .param("account", accountId).param("id", leadId).query(leadMapper()).optional();
    }

    /** The contact's most recent lead in a stage that is not won or lost. */
    Optional<Lead> openLeadOf(UUID accountId, UUID contactId) {
        return jdbc.sql("select l.id, l.account_id, l.pipeline_id, l.stage_id, l.contact_id, l.name, "
                        + "l.responsible_user_id, l.created_at from lead l join pipeline_stage s on s.id = l.stage_id "
                        + "where l.account_id = :account and l.contact_id = :contact and s.kind = 'OPEN' "
                        + "order by l.created_at desc limit 1")
                .param("account", accountId).param("contact", contactId).query(leadMapper()).optional();
    }

    List<Lead> leads(UUID accountId, UUID pipelineId, int limit) {
        return jdbc.sql("select " + LEAD_COLUMNS + " from lead where account_id = :account and pipeline_id = :pipeline "
                        + "order by updated_at desc limit :limit")
                .param("account", accountId).param("pipeline", pipelineId).param("limit", limit)
                .query(leadMapper()).list();
    }

    boolean moveLead(UUID accountId, UUID leadId, UUID pipelineId, UUID stageId) {
        return jdbc.sql("""
                update lead set pipeline_id = :pipeline, stage_id = :stage, updated_at = :now
                where account_id = :account and id = :id""")
                .param("pipeline", pipelineId).param("stage", stageId).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).param("id", leadId).update() > 0;
    }

    int cooldownSeconds(UUID accountId) {
        return jdbc.sql("select cooldown_seconds from agent_trigger_settings where account_id = :account")
                .param("account", accountId).query(Integer.class).optional().orElse(0);
    }

    void saveCooldownSeconds(UUID accountId, int seconds) {
        if (jdbc.sql("update agent_trigger_settings set cooldown_seconds = :seconds where account_id = :account")
                .param("seconds", seconds).param("account", accountId).update() == 0) {
            jdbc.sql("insert into agent_trigger_settings (account_id, cooldown_seconds) values (:account, :seconds)")
                    .param("account", accountId).param("seconds", seconds).update();
        }
    }

    private RowMapper<Stage> stageMapper() {
        return (rs, n) -> new Stage(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class),
                rs.getString("name"), rs.getInt("position"), StageKind.valueOf(rs.getString("kind")),
                rs.getBoolean("ai_trigger"), json.readValue(rs.getString("automations"), NAMES));
    }

    private static RowMapper<Lead> leadMapper() {
        return (rs, n) -> new Lead(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("pipeline_id", UUID.class), rs.getObject("stage_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("name"),
                rs.getObject("responsible_user_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
