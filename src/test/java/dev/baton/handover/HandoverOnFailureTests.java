package dev.baton.handover;

import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.agent.SalesAgent;
import dev.baton.conversation.ConversationApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.baton.conversation.ConversationApi.byRole;
import static dev.baton.conversation.ConversationApi.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

/**
 * When Baton itself fails while answering (here the agent throws, as a bug would), the conversation is still handed
 * over for TECHNICAL_ISSUE with a ticket, and the shopper is told in their language, not left waiting.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverOnFailureTests {

    private static final String API_KEY = "bt_handover_on_failure_key_012345";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    SalesAgent agent;

    ConversationApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        // The recurring pick-up of stalled messages must not be what answers here: the failing turn hands over itself.
        registry.add("baton.conversation.stalled-check-interval", () -> "PT1H");
    }

    @BeforeAll
    void setUp() {
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
    }

    @Test
    void anAgentFailureHandsOverWithATicketAndTellsTheShopperInTheirLanguage() {
        doThrow(new IllegalStateException("a bug in a tool")).when(agent)
                .answer(any(), any(), eq("Berapa ongkos kirim ke Surabaya untuk sepatu ini?"), any());

        String conversation = api.send("demo", "fail-1", "failing-shopper", "Halo kak, ada sepatu Ridgeline Trail Runner?");
        api.awaitHandled(conversation);
        api.send("demo", "fail-2", "failing-shopper", "Berapa ongkos kirim ke Surabaya untuk sepatu ini?");
        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        assertThat(api.conversation(conversation)).containsEntry("status", "HANDED_OVER");
        Map<String, Object> failed = byRole(messages, "SHOPPER").get(1);
        assertThat(failed).containsEntry("status", "NOT_ANSWERED");
        assertThat((String) failed.get("note")).startsWith("Baton could not answer").contains("a bug in a tool");
        assertThat(texts(messages, "AGENT")).hasSize(2)
                .last().isEqualTo("Saya hubungkan Anda dengan tim kami, mohon tunggu sebentar!");
        Map<String, Object> ticket = jdbc.sql("select category, priority, language, evidence from handover_ticket where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query().singleRow();
        assertThat(ticket).containsEntry("category", "TECHNICAL_ISSUE").containsEntry("priority", "HIGH")
                .containsEntry("language", "id");
        assertThat((String) ticket.get("evidence")).contains("a bug in a tool");
        // The listener that ran the turns completed its event publication: nothing is left to redo after a restart.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from event_publication where completion_date is null
                and event_type like '%MessageReceived'""").query(Long.class).single() == 0);
    }
}
