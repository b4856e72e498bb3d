package dev.baton.conversation;

import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.channel.ContactDetails;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.InboundMessage;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.internal.PipelineService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.baton.conversation.ConversationApi.byRole;
import static dev.baton.conversation.ConversationApi.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the agent works, by Kommo's rules: an incoming message, on a channel selected for the agent, from a lead in
 * a stage with the AI trigger, starts it; it keeps serving the conversation when the lead moves on; it never writes
 * again after a handover or a stop; a closed conversation is followed by a new one (after the cooldown).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationLifecycleTests {

    private static final String API_KEY = "bt_conversation_lifecycle_key_0123";

    @LocalServerPort
    int port;

    @Autowired
    PipelineService pipelines;

    @Autowired
    Leads leads;

    @Autowired
    ConversationGateway gateway;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    ConversationApi api;
    UUID accountId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
    }

    @BeforeAll
    void setUp() {
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
        // A second REST channel, not selected for the agent.
        ResponseEntity<Map<String, Object>> created = api.client().post().uri("/api/v1/channels")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "crm", "kind", "REST", "name", "Host CRM")).retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("agentEnabled", false);
        accountId = jdbc.sql("select id from account").query(UUID.class).single();
    }

    private Stage stage(String name) {
        UUID id = jdbc.sql("select id from pipeline_stage where account_id = :account and name = :name")
                .param("account", accountId).param("name", name).query(UUID.class).single();
        return leads.stage(accountId, id).orElseThrow();
    }

    private UUID leadOf(String conversation) {
        return UUID.fromString((String) api.conversation(conversation).get("leadId"));
    }

    private void selectCrm(boolean selected) {
        ResponseEntity<Map<String, Object>> patched = api.client().patch().uri("/api/v1/channels/crm")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("agentEnabled", selected)).retrieve()
                .toEntity(ConversationApi.OBJECT);
        assertThat(patched.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aChannelNotSelectedForTheAgentGetsNoReplyAndTheMessageWaitsForTheTeam() {
        String conversation = api.send("crm", "crm-1", "not-selected", "How much is the Ridgeline Trail Runner?");

        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        assertThat(byRole(messages, "AGENT")).isEmpty();
        assertThat(byRole(messages, "SHOPPER").get(0)).containsEntry("status", "NOT_ANSWERED");
        assertThat((String) byRole(messages, "SHOPPER").get(0).get("note")).contains("not selected for the agent");
        assertThat(api.conversation(conversation)).containsEntry("status", "OPEN");
    }

    @Test
    void aLeadInAStageWithoutTheTriggerGetsNoReplyUntilItMovesToOneWithIt() {
        String conversation = api.send("crm", "stage-1", "stage-contact", "hello");
        api.awaitHandled(conversation);
        UUID lead = leadOf(conversation);
        pipelines.moveLead(accountId, lead, stage("Qualified").id());
        selectCrm(true);
        try {
            api.send("crm", "stage-2", "stage-contact", "How much is the Ridgeline Trail Runner?");
            List<Map<String, Object>> messages = api.awaitHandled(conversation);
            assertThat(byRole(messages, "AGENT")).isEmpty();
            assertThat((String) byRole(messages, "SHOPPER").get(1).get("note")).contains("no AI agent trigger");

            pipelines.moveLead(accountId, lead, stage("New inquiry").id());
            api.send("crm", "stage-3", "stage-contact", "How much is the Ridgeline Trail Runner?");
            messages = api.awaitHandled(conversation);
            assertThat(texts(messages, "AGENT")).singleElement().asString().contains("$139.00");
            assertThat(api.conversation(conversation)).containsEntry("status", "AI_ACTIVE");
        } finally {
            selectCrm(false);
        }
    }

    @Test
    void theAgentKeepsServingAConversationWhenItsLeadMovesToAStageWithoutTheTrigger() {
        String conversation = api.send("demo", "keep-1", "keep-contact", "hi");
        api.awaitHandled(conversation);
        pipelines.moveLead(accountId, leadOf(conversation), stage("Qualified").id());

        api.send("demo", "keep-2", "keep-contact", "How much is the Ridgeline Trail Runner?");
        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        assertThat(texts(messages, "AGENT")).hasSize(2).last().asString().contains("$139.00");
    }

    @Test
    void stopAgentSilencesTheConversationForGood() {
        String conversation = api.send("demo", "stop-1", "stop-contact", "hi");
        api.awaitHandled(conversation);

        ResponseEntity<Map<String, Object>> stopped = api.client().post()
                .uri("/api/v1/conversations/{id}/stop-agent", conversation).retrieve().toEntity(ConversationApi.OBJECT);
        ResponseEntity<Map<String, Object>> again = api.client().post()
                .uri("/api/v1/conversations/{id}/stop-agent", conversation).retrieve().toEntity(ConversationApi.OBJECT);
        api.send("demo", "stop-2", "stop-contact", "How much is the Ridgeline Trail Runner?");
        api.send("demo", "stop-3", "stop-contact", "I want to talk to a person");
        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        ResponseEntity<Map<String, Object>> handBack = api.client().post()
                .uri("/api/v1/conversations/{id}/hand-back", conversation).retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(handBack.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stopped.getBody()).containsEntry("status", "AGENT_STOPPED");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byRole(messages, "AGENT")).hasSize(1);
        assertThat(byRole(messages, "SHOPPER")).extracting(m -> m.get("status"))
                .containsExactly("ANSWERED", "NOT_ANSWERED", "NOT_ANSWERED");
        assertThat(texts(messages, "SYSTEM")).anyMatch(text -> text.startsWith("Agent stopped by"));
        assertThat(api.conversation(conversation)).containsEntry("status", "AGENT_STOPPED");
    }

    @Test
    void afterAHandoverTheAgentIsSilentAndTheManagersReplyGoesOut() {
        String conversation = api.send("demo", "human-1", "human-contact", "I want to talk to a person");
        api.awaitHandled(conversation);
        assertThat(api.conversation(conversation)).containsEntry("status", "HANDED_OVER");

        ResponseEntity<Map<String, Object>> reply = api.client().post().uri("/api/v1/conversations/{id}/reply", conversation)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "Hi, this is Ana from the team.")).retrieve()
                .toEntity(ConversationApi.OBJECT);
        api.send("demo", "human-2", "human-contact", "How much is the Ridgeline Trail Runner?");
        List<Map<String, Object>> messages = api.awaitMessages(conversation, all -> byRole(all, "MANAGER").stream()
                .anyMatch(m -> "SENT".equals(m.get("status"))) && byRole(all, "SHOPPER").stream()
                .noneMatch(m -> "PENDING".equals(m.get("status"))));

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byRole(messages, "AGENT")).hasSize(1);
        assertThat(texts(messages, "MANAGER")).containsExactly("Hi, this is Ana from the team.");
        assertThat(byRole(messages, "SHOPPER").get(1)).containsEntry("status", "NOT_ANSWERED");
    }

    @Test
    void aConversationHandedBackToTheAgentIsAnsweredAgainFromAFreshStart() {
        String conversation = api.send("demo", "back-1", "back-contact", "Where is my order #1001?");
        api.send("demo", "back-2", "back-contact", "I want to talk to a person");
        api.awaitHandled(conversation);
        assertThat(api.conversation(conversation)).containsEntry("status", "HANDED_OVER");

        ResponseEntity<Map<String, Object>> back = api.client().post().uri("/api/v1/conversations/{id}/hand-back", conversation)
                .retrieve().toEntity(ConversationApi.OBJECT);
        api.send("demo", "back-3", "back-contact", "emma.larsen@example.com");
        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        assertThat(back.getBody()).containsEntry("status", "AI_ACTIVE");
        assertThat(texts(messages, "SYSTEM")).anyMatch(text -> text.endsWith("handed the conversation back to the agent."));
        assertThat(byRole(messages, "AGENT")).hasSize(3);
        // A fresh start: the agent no longer waits for the contact details of order #1001.
        assertThat(texts(messages, "AGENT").get(2)).doesNotContain("#1001");
    }

    @Test
    void aClosedConversationIsFollowedByANewOneWhichTheAgentAnswersAfterTheCooldown() {
        String first = api.send("demo", "close-1", "close-contact", "hi");
        api.awaitHandled(first);
        assertThat(api.client().post().uri("/api/v1/conversations/{id}/close", first).retrieve()
                .toEntity(ConversationApi.OBJECT).getBody()).containsEntry("status", "CLOSED");

        String second = api.send("demo", "close-2", "close-contact", "hi again");
        assertThat(second).isNotEqualTo(first);
        assertThat(texts(api.awaitHandled(second), "AGENT")).hasSize(1);

        pipelines.setCooldown(accountId, Duration.ofMinutes(5));
        try {
            api.client().post().uri("/api/v1/conversations/{id}/close", second).retrieve().toBodilessEntity();
            String third = api.send("demo", "close-3", "close-contact", "one more question");
            List<Map<String, Object>> messages = api.awaitHandled(third);
            assertThat(byRole(messages, "AGENT")).isEmpty();
            assertThat((String) byRole(messages, "SHOPPER").get(0).get("note")).contains("cooldown");
        } finally {
            pipelines.setCooldown(accountId, Duration.ZERO);
        }
    }

    @Test
    void aPhotoIsAnsweredPolitelyThatOnlyTextIsRead() {
        UUID demo = UUID.fromString((String) api.client().get().uri("/api/v1/channels/demo").retrieve()
                .body(ConversationApi.OBJECT).get("uuid"));
        String conversation = gateway.receive(new InboundMessage(accountId, demo, "photo-1",
                new ContactDetails("photo-contact", "Photo Sender", null, null, true), null, "image")).conversationId().toString();

        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        assertThat(texts(messages, "SHOPPER")).containsExactly("[image]");
        assertThat(texts(messages, "AGENT")).singleElement().asString().contains("only read text");
    }

    @Test
    void theSamePersonOnTwoChannelsIsOneContactWhenAVerifiedPhoneLinksThem() {
        ResponseEntity<Map<String, Object>> onDemo = api.post("demo", "link-1", "crm-contact-77", "hi", "+1 (555) 010-7788", null);
        ResponseEntity<Map<String, Object>> onCrm = api.post("crm", "link-2", "other-id-9", "hello", "15550107788", null);
        ResponseEntity<Map<String, Object>> stranger = api.post("crm", "link-3", "other-id-10", "hello", "15550100000", null);

        Map<String, Object> first = api.conversation((String) onDemo.getBody().get("conversationId"));
        Map<String, Object> second = api.conversation((String) onCrm.getBody().get("conversationId"));
        Map<String, Object> third = api.conversation((String) stranger.getBody().get("conversationId"));
        assertThat(second.get("contactId")).isEqualTo(first.get("contactId"));
        assertThat(second.get("leadId")).isEqualTo(first.get("leadId"));
        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        assertThat(third.get("contactId")).isNotEqualTo(first.get("contactId"));
    }

    @Test
    void anotherAccountsConversationIsNotFound() {
        String conversation = api.send("demo", "other-1", "other-contact", "hi");
        TestAccounts.NewAccount other = accounts.create("Other store");
        ConversationApi otherApi = new ConversationApi(port, other.apiKey());

        assertThat(otherApi.client().get().uri("/api/v1/conversations/{id}/messages", conversation).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherApi.client().post().uri("/api/v1/conversations/{id}/stop-agent", conversation).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherApi.post("demo", "other-2", "other-contact", "hi", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
