package dev.baton.pipeline.internal;

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

/** Pipelines, their stages and the agent's trigger settings; every query names the account. */
@Repository
public class PipelineRepository {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final String STAGE_COLUMNS = "id, pipeline_id, name, position, kind, ai_trigger, automations";

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

    Optional<PipelineRow> pipeline(UUID accountId, UUID pipelineId) {
        return jdbc.sql("select id, name, position from pipeline where account_id = :account and id = :id")
                .param("account", accountId).param("id", pipelineId)
                .query((rs, n) -> new PipelineRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position")))
                .optional();
    }

    void renamePipeline(UUID accountId, UUID pipelineId, String name) {
        jdbc.sql("update pipeline set name = :name where account_id = :account and id = :id")
                .param("name", name).param("account", accountId).param("id", pipelineId).update();
    }

    /** Deletes the pipeline and, with it, its stages. */
    void deletePipeline(UUID accountId, UUID pipelineId) {
        jdbc.sql("delete from pipeline where account_id = :account and id = :id")
                .param("account", accountId).param("id", pipelineId).update();
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

    /** Every stage of every pipeline of the account, pipeline by pipeline, in order. */
    List<Stage> allStages(UUID accountId) {
        return jdbc.sql("select s.id, s.pipeline_id, s.name, s.position, s.kind, s.ai_trigger, s.automations "
                        + "from pipeline_stage s join pipeline p on p.id = s.pipeline_id where s.account_id = :account "
                        + "order by p.position, p.created_at, s.position, s.created_at")
                .param("account", accountId).query(stageMapper()).list();
    }

    void updateStage(UUID accountId, Stage stage) {
        jdbc.sql("""
                update pipeline_stage set name = :name, position = :position, kind = :kind, ai_trigger = :trigger,
                    automations = :automations
                where account_id = :account and id = :id""")
                .param("name", stage.name()).param("position", stage.position()).param("kind", stage.kind().name())
                .param("trigger", stage.aiTrigger()).param("automations", json.writeValueAsString(stage.automations()))
                .param("account", accountId).param("id", stage.id()).update();
    }

    void deleteStage(UUID accountId, UUID stageId) {
        jdbc.sql("delete from pipeline_stage where account_id = :account and id = :id")
                .param("account", accountId).param("id", stageId).update();
    }

    boolean setAiTrigger(UUID accountId, UUID stageId, boolean on) {
        return jdbc.sql("update pipeline_stage set ai_trigger = :on where account_id = :account and id = :id")
                .param("on", on).param("account", accountId).param("id", stageId).update() > 0;
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
}
