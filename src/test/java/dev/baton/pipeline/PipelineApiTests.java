package dev.baton.pipeline;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.baton.pipeline.PipelineApi.stageId;
import static dev.baton.pipeline.PipelineApi.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The pipeline, lead and agent trigger API over HTTP, on the embedded storage. The bootstrap account has the demo
 * store; every other test works in an account of its own, so none sees another's pipelines or leads.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineApiTests {

    private static final String DEMO_KEY = "bt_pipeline_demo_key_0123456789";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    LeadMoves moves;

    PipelineApi demo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> DEMO_KEY);
    }

    /** Every {@link LeadStageChanged}, as another module's listener would get it. */
    @TestConfiguration
    static class RecordLeadMoves {

        @Bean
        LeadMoves leadMoves() {
            return new LeadMoves();
        }
    }

    static class LeadMoves {

        final List<LeadStageChanged> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(LeadStageChanged event) {
            events.add(event);
        }
    }

    @BeforeAll
    void demoAccount() {
        demo = new PipelineApi(port, DEMO_KEY, null);
    }

    @Test
    void theDemoStoreAccountHasTheSalesPipelineWithTheAgentTriggerOnItsFirstStageAndIsActive() {
        List<Map<String, Object>> pipelines = demo.list("/api/v1/pipelines");

        assertThat(pipelines).singleElement().satisfies(pipeline -> assertThat(pipeline).containsEntry("name", "Sales"));
        assertThat(stages(pipelines.get(0))).extracting(stage -> stage.get("name"), stage -> stage.get("kind"),
                        stage -> stage.get("aiTrigger"), stage -> stage.get("position"))
                .containsExactly(tuple("New inquiry", "OPEN", true, 0),
                        tuple("Qualified", "OPEN", false, 1),
                        tuple("Won", "WON", false, 2),
                        tuple("Lost", "LOST", false, 3));
        Map<String, Object> triggers = demo.get("/api/v1/agent/triggers").getBody();
        assertThat(triggers).containsEntry("status", "ACTIVE").containsEntry("cooldownSeconds", 0)
                .containsEntry("conflicts", List.of());
        assertThat(names(triggers, "stages")).containsExactly("New inquiry");
        assertThat(names(triggers, "channels")).containsExactlyInAnyOrder("Web chat", "Demo (REST)");
    }

    @Test
    void aPipelineAndItsStagesAreCreatedReadRenamedReorderedAndDeleted() {
        PipelineApi api = newAccount();
        api.firstPipeline();

        ResponseEntity<Map<String, Object>> created = api.post("/api/v1/pipelines", Map.of("name", " Wholesale "));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/pipelines/" + id);
        assertThat(created.getBody()).containsEntry("name", "Wholesale").containsEntry("position", 1);
        assertThat(stageNames(created.getBody())).containsExactly("New inquiry", "Qualified", "Won", "Lost");

        ResponseEntity<Map<String, Object>> added = api.post("/api/v1/pipelines/{id}/stages",
                Map.of("name", "Proposal sent"), id);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("kind", "OPEN").containsEntry("position", 2)
                .containsEntry("aiTrigger", false).containsEntry("warnings", List.of());
        String proposal = (String) added.getBody().get("id");

        ResponseEntity<Map<String, Object>> moved = api.patch("/api/v1/pipelines/{id}/stages/{stage}",
                Map.of("position", 0, "name", "Proposal"), id, proposal);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("name", "Proposal").containsEntry("position", 0);
        assertThat(api.patch("/api/v1/pipelines/{id}", Map.of("name", "Wholesale B2B"), id).getBody())
                .containsEntry("name", "Wholesale B2B");
        Map<String, Object> read = api.get("/api/v1/pipelines/{id}", id).getBody();
        assertThat(stageNames(read)).containsExactly("Proposal", "New inquiry", "Qualified", "Won", "Lost");
        assertThat(stages(read)).extracting(stage -> stage.get("position")).containsExactly(0, 1, 2, 3, 4);

        assertThat(api.delete("/api/v1/pipelines/{id}/stages/{stage}", id, stageId(read, "Qualified"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> after = api.get("/api/v1/pipelines/{id}", id).getBody();
        assertThat(stageNames(after)).containsExactly("Proposal", "New inquiry", "Won", "Lost");
        assertThat(stages(after)).extracting(stage -> stage.get("position")).containsExactly(0, 1, 2, 3);

        assertThat(api.delete("/api/v1/pipelines/{id}", id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.get("/api/v1/pipelines/{id}", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.list("/api/v1/pipelines")).extracting(pipeline -> pipeline.get("name")).containsExactly("Sales");
    }

    @Test
    void anotherAccountsPipelinesStagesAndLeadsAreNotFound() {
        PipelineApi owner = newAccount();
        Map<String, Object> pipeline = owner.firstPipeline();
        String pipelineId = (String) pipeline.get("id");
        String stage = stageId(pipeline, "New inquiry");
        String lead = (String) owner.post("/api/v1/leads", Map.of("name", "Emma Larsen")).getBody().get("id");
        PipelineApi stranger = newAccount();
        String strangersStage = stageId(stranger.firstPipeline(), "Qualified");

        assertThat(stranger.get("/api/v1/pipelines/{id}", pipelineId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.patch("/api/v1/pipelines/{id}", Map.of("name", "Mine"), pipelineId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("aiTrigger", true), pipelineId, stage)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.delete("/api/v1/pipelines/{id}/stages/{stage}", pipelineId, stage).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.delete("/api/v1/pipelines/{id}", pipelineId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.get("/api/v1/leads/{id}", lead).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.post("/api/v1/leads/{id}/stage", Map.of("stageId", strangersStage), lead).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.post("/api/v1/leads", Map.of("name", "Sneaky", "stageId", stage)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.get("/api/v1/leads?pipelineId={id}", pipelineId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.get("/api/v1/leads").getBody()).containsEntry("total", 0);

        assertThat(owner.get("/api/v1/leads/{id}", lead).getBody()).containsEntry("stageId", stage);
        assertThat(owner.get("/api/v1/pipelines/{id}", pipelineId).getBody()).containsEntry("name", "Sales");
        assertThat(stages(owner.get("/api/v1/pipelines/{id}", pipelineId).getBody()))
                .allSatisfy(s -> assertThat(s).containsEntry("aiTrigger", false));
    }

    @Test
    void aStageOrPipelineThatStillHasLeadsIsNotDeleted() {
        PipelineApi api = newAccount();
        api.firstPipeline();
        Map<String, Object> wholesale = api.post("/api/v1/pipelines", Map.of("name", "Wholesale")).getBody();
        String id = (String) wholesale.get("id");
        String qualified = stageId(wholesale, "Qualified");
        String lead = (String) api.post("/api/v1/leads", Map.of("name", "Nordic Outfitters", "stageId", qualified))
                .getBody().get("id");

        ResponseEntity<Map<String, Object>> stage = api.delete("/api/v1/pipelines/{id}/stages/{stage}", id, qualified);
        assertThat(stage.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stage.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stage.getBody()).containsEntry("status", 409).containsEntry("detail",
                "Stage 'Qualified' still has 1 lead: move them to another stage before deleting it.");
        ResponseEntity<Map<String, Object>> pipeline = api.delete("/api/v1/pipelines/{id}", id);
        assertThat(pipeline.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(pipeline.getBody()).containsEntry("detail",
                "Pipeline 'Wholesale' still has 1 lead: move them to another pipeline before deleting it.");

        api.post("/api/v1/leads/{id}/stage", Map.of("stageId", stageId(wholesale, "New inquiry")), lead);
        assertThat(api.delete("/api/v1/pipelines/{id}/stages/{stage}", id, qualified).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void badInputAnswersAProblemThatSaysWhatToFix() {
        PipelineApi api = newAccount();
        Map<String, Object> sales = api.firstPipeline();
        String id = (String) sales.get("id");
        String lead = (String) api.post("/api/v1/leads", Map.of("name", "Emma")).getBody().get("id");

        assertProblem(api.post("/api/v1/pipelines", Map.of("name", " ")), 400, "Give the pipeline a 'name'.");
        assertProblem(api.post("/api/v1/pipelines/{id}/stages", Map.of("name", "x".repeat(121)), id), 400,
                "The stage name has 121 characters; the limit is 120.");
        assertProblem(api.postRaw("/api/v1/pipelines/{id}/stages", "{\"name\":\"Done\",\"kind\":\"DONE\"}", id), 400,
                "The request body is not valid JSON of the expected shape");
        assertProblem(api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("position", 4), id,
                stageId(sales, "Won")), 400, "'position' is 4; it must be between 0 and 3 (0 is the first stage).");
        assertProblem(api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("automations", List.of(" ")), id,
                stageId(sales, "Won")), 400, "An automation in 'automations' has no name");
        assertProblem(api.get("/api/v1/pipelines/not-a-uuid"), 400, "");
        assertProblem(api.post("/api/v1/leads", Map.of("name", "")), 400, "Give the lead a 'name'.");
        assertProblem(api.post("/api/v1/leads", Map.of("name", "Emma", "pipelineId", UUID.randomUUID().toString(),
                "stageId", stageId(sales, "Won"))), 400, "Stage 'Won' is not in pipeline");
        assertProblem(api.post("/api/v1/leads/{id}/stage", Map.of(), lead), 400, "Say where the lead goes");
        assertProblem(api.get("/api/v1/leads?size=0"), 400, "'page' starts at 0 and 'size' is between 1 and 200.");
        assertProblem(api.put("/api/v1/agent/triggers/cooldown", Map.of("seconds", 604_801)), 400,
                "'seconds' is the cooldown: a whole number from 0 to 604800 (7 days).");
        assertProblem(api.put("/api/v1/agent/triggers/cooldown", Map.of("seconds", -1)), 400, "'seconds' is the cooldown");
        assertProblem(api.put("/api/v1/agent/triggers/cooldown", Map.of()), 400, "'seconds' is the cooldown");

        api.delete("/api/v1/pipelines/{id}/stages/{stage}", id, stageId(sales, "Qualified"));
        api.post("/api/v1/leads/{id}/stage", Map.of("stageId", stageId(sales, "Won")), lead);
        assertProblem(api.delete("/api/v1/pipelines/{id}/stages/{stage}", id, stageId(sales, "New inquiry")), 409,
                "Stage 'New inquiry' is the pipeline's only OPEN stage, where new leads start");
        assertProblem(api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("kind", "LOST"), id,
                stageId(sales, "New inquiry")), 409, "is the pipeline's only OPEN stage");
        assertProblem(api.post("/api/v1/pipelines", Map.of("name", "Closed", "stages", List.of(Map.of("name", "Won",
                "kind", "WON")))), 400, "A pipeline needs at least one OPEN stage");
    }

    @Test
    void theOnlyPipelineIsNotDeleted() {
        PipelineApi api = newAccount();
        String id = (String) api.firstPipeline().get("id");

        assertProblem(api.delete("/api/v1/pipelines/{id}", id), 409,
                "Pipeline 'Sales' is the account's only pipeline: create another one before deleting it.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTriggerAndAnotherAutomationOnOneStageAreSavedWithAWarning() {
        PipelineApi api = newAccount();
        Map<String, Object> sales = api.firstPipeline();
        String id = (String) sales.get("id");
        String inquiry = stageId(sales, "New inquiry");
        String qualified = stageId(sales, "Qualified");

        Map<String, Object> automations = api.patch("/api/v1/pipelines/{id}/stages/{stage}",
                Map.of("automations", List.of("Welcome bot", "Welcome bot")), id, inquiry).getBody();
        assertThat(automations).containsEntry("automations", List.of("Welcome bot")).containsEntry("conflict", false)
                .containsEntry("warnings", List.of());

        ResponseEntity<Map<String, Object>> on = api.patch("/api/v1/pipelines/{id}/stages/{stage}",
                Map.of("aiTrigger", true), id, inquiry);
        assertThat(on.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(on.getBody()).containsEntry("aiTrigger", true).containsEntry("conflict", true);
        assertThat((List<String>) on.getBody().get("warnings")).singleElement().asString()
                .contains("'New inquiry'", "Welcome bot", "another bot on the same stage conflicts with the agent");
        assertThat(api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("name", "Inquiry"), id, inquiry).getBody())
                .containsEntry("conflict", true).containsEntry("warnings", List.of());

        api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("aiTrigger", true), id, qualified);
        assertThat((List<String>) api.patch("/api/v1/pipelines/{id}/stages/{stage}",
                Map.of("automations", List.of("Salesbot: follow-up")), id, qualified).getBody().get("warnings"))
                .singleElement().asString().contains("'Qualified'", "Salesbot: follow-up");

        List<Map<String, Object>> conflicts = (List<Map<String, Object>>) api.get("/api/v1/agent/triggers").getBody()
                .get("conflicts");
        assertThat(conflicts).extracting(conflict -> conflict.get("stageName"), conflict -> conflict.get("automations"))
                .containsExactly(tuple("Inquiry", List.of("Welcome bot")),
                        tuple("Qualified", List.of("Salesbot: follow-up")));
        assertThat(api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("automations", List.of()), id, qualified)
                .getBody()).containsEntry("conflict", false).containsEntry("warnings", List.of());
    }

    @Test
    void movingALeadToAnotherStageMovesItAndPublishesLeadStageChanged() {
        PipelineApi api = newAccount();
        Map<String, Object> sales = api.firstPipeline();
        Map<String, Object> wholesale = api.post("/api/v1/pipelines", Map.of("name", "Wholesale")).getBody();
        ResponseEntity<Map<String, Object>> created = api.post("/api/v1/leads", Map.of("name", "Emma Larsen",
                "contactId", "5d1c0f7e-0000-4000-8000-000000000001"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String lead = (String) created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/leads/" + lead);
        assertThat(created.getBody()).containsEntry("pipelineId", sales.get("id"))
                .containsEntry("stageId", stageId(sales, "New inquiry"))
                .containsEntry("contactId", "5d1c0f7e-0000-4000-8000-000000000001").containsKey("createdAt");

        ResponseEntity<Map<String, Object>> moved = api.post("/api/v1/leads/{id}/stage",
                Map.of("stageId", stageId(sales, "Qualified")), lead);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("id", lead).containsEntry("stageId", stageId(sales, "Qualified"));
        assertThat(api.get("/api/v1/leads/{id}", lead).getBody()).containsEntry("stageId", stageId(sales, "Qualified"));
        assertThat(movesOf(lead)).containsExactly(new LeadStageChanged(api.accountId(), UUID.fromString(lead),
                UUID.fromString(stageId(sales, "New inquiry")), UUID.fromString(stageId(sales, "Qualified"))));

        api.post("/api/v1/leads/{id}/stage", Map.of("stageId", stageId(sales, "Qualified")), lead);
        assertThat(movesOf(lead)).as("staying in the same stage is no move").hasSize(1);

        Map<String, Object> across = api.post("/api/v1/leads/{id}/stage",
                Map.of("stageId", stageId(wholesale, "Won")), lead).getBody();
        assertThat(across).containsEntry("pipelineId", wholesale.get("id")).containsEntry("stageId", stageId(wholesale, "Won"));
        assertThat(movesOf(lead)).hasSize(2).last().extracting(LeadStageChanged::toStageId)
                .isEqualTo(UUID.fromString(stageId(wholesale, "Won")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void leadsAreListedNewestFirstByPipelineAndStageAPageAtATime() {
        PipelineApi api = newAccount();
        Map<String, Object> sales = api.firstPipeline();
        String qualified = stageId(sales, "Qualified");
        api.post("/api/v1/leads", Map.of("name", "First"));
        api.post("/api/v1/leads", Map.of("name", "Second", "stageId", qualified));
        api.post("/api/v1/leads", Map.of("name", "Third", "pipelineId", sales.get("id")));

        Map<String, Object> all = api.get("/api/v1/leads?size=2").getBody();
        assertThat(all).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat((List<Map<String, Object>>) all.get("leads")).extracting(lead -> lead.get("name"))
                .containsExactly("Third", "Second");
        assertThat((List<Map<String, Object>>) api.get("/api/v1/leads?size=2&page=1").getBody().get("leads"))
                .extracting(lead -> lead.get("name")).containsExactly("First");
        // A page far past the end is empty, not an overflowing offset (it was a 500).
        Map<String, Object> far = api.get("/api/v1/leads?size=200&page=2147483647").getBody();
        assertThat(far).containsEntry("page", 2147483647).containsEntry("total", 3);
        assertThat((List<?>) far.get("leads")).isEmpty();
        Map<String, Object> inQualified = api.get("/api/v1/leads?pipelineId={p}&stageId={s}", sales.get("id"), qualified)
                .getBody();
        assertThat(inQualified).containsEntry("total", 1);
        assertThat((List<Map<String, Object>>) inQualified.get("leads")).extracting(lead -> lead.get("name"))
                .containsExactly("Second");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAgentIsPlaygroundOnlyWithoutAChannelNotActiveWithoutATriggerAndActiveWithBoth() {
        PipelineApi api = newAccount();
        Map<String, Object> sales = api.firstPipeline();

        Map<String, Object> noChannel = api.get("/api/v1/agent/triggers").getBody();
        assertThat(noChannel).containsEntry("status", "PLAYGROUND_ONLY").containsEntry("channels", List.of());
        assertThat((String) noChannel.get("explanation")).contains("the agent can be saved and used only in the playground");

        assertThat(api.post("/api/v1/channels", Map.of("id", "crm", "kind", "REST", "name", "Host CRM",
                "agentEnabled", true)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> noTrigger = api.get("/api/v1/agent/triggers").getBody();
        assertThat(noTrigger).containsEntry("status", "INACTIVE").containsEntry("stages", List.of());
        assertThat((String) noTrigger.get("explanation")).contains("not active");
        assertThat(names(noTrigger, "channels")).containsExactly("Host CRM");

        api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("aiTrigger", true), sales.get("id"),
                stageId(sales, "Qualified"));
        Map<String, Object> active = api.get("/api/v1/agent/triggers").getBody();
        assertThat(active).containsEntry("status", "ACTIVE");
        assertThat((String) active.get("explanation")).isEqualTo(
                "The agent is active: it answers messages on Host CRM from leads in Qualified (Sales).");
        assertThat((List<Map<String, Object>>) active.get("stages")).singleElement().satisfies(stage -> assertThat(stage)
                .containsEntry("id", stageId(sales, "Qualified")).containsEntry("pipelineName", "Sales"));

        Map<String, Object> cooled = api.put("/api/v1/agent/triggers/cooldown", Map.of("seconds", 300)).getBody();
        assertThat(cooled).containsEntry("cooldownSeconds", 300).containsEntry("status", "ACTIVE");
        assertThat(api.get("/api/v1/agent/triggers").getBody()).containsEntry("cooldownSeconds", 300);
    }

    private PipelineApi newAccount() {
        TestAccounts.NewAccount account = accounts.create("Pipeline test " + UUID.randomUUID());
        return new PipelineApi(port, account.apiKey(), account.id());
    }

    private List<LeadStageChanged> movesOf(String lead) {
        return moves.events.stream().filter(event -> event.leadId().toString().equals(lead)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> triggers, String list) {
        return ((List<Map<String, Object>>) triggers.get(list)).stream().map(item -> item.get("name")).toList();
    }

    private static List<Object> stageNames(Map<String, Object> pipeline) {
        return stages(pipeline).stream().map(stage -> stage.get("name")).toList();
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> answer, int status, String detail) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) answer.getBody().get("detail")).as("%s", answer.getBody()).contains(detail);
    }
}
