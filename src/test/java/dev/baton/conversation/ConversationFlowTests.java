package dev.baton.conversation;

import dev.baton.TestStorage;
import dev.baton.DemoStoreIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static dev.baton.conversation.ConversationApi.byRole;
import static dev.baton.conversation.ConversationApi.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper writes through the generic REST channel of an account with the demo store, with nothing configured: the
 * {@code demo} channel is selected and the default pipeline's first stage has the AI trigger.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationFlowTests {

    private static final String API_KEY = "bt_conversation_flow_key_0123456789";

    @LocalServerPort
    int port;

    ConversationApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
    }

    @BeforeAll
    void demoStoreIndexed() {
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
    }

    @Test
    void aNewContactOnTheDemoChannelGetsTheAgentsGroundedReply() {
        String conversation = api.send("demo", "m-1", "contact-1", "How much is the Ridgeline Trail Runner?");

        List<Map<String, Object>> messages = api.awaitHandled(conversation);

        assertThat(texts(messages, "SHOPPER")).containsExactly("How much is the Ridgeline Trail Runner?");
        assertThat(texts(messages, "AGENT")).singleElement().asString().contains("Ridgeline Trail Runner").contains("$139.00");
        assertThat(byRole(messages, "SHOPPER").get(0).get("status")).isEqualTo("ANSWERED");
        assertThat(api.conversation(conversation)).containsEntry("status", "AI_ACTIVE").containsKey("leadId");
    }

    @Test
    void theSameMessageDeliveredTwiceIsAnsweredOnce() {
        String first = api.send("demo", "dup-1", "contact-dup", "Can I return shoes I bought last month?");
        String second = api.send("demo", "dup-1", "contact-dup", "Can I return shoes I bought last month?");

        assertThat(second).isEqualTo(first);
        List<Map<String, Object>> messages = api.awaitHandled(first);
        assertThat(byRole(messages, "SHOPPER")).hasSize(1);
        assertThat(byRole(messages, "AGENT")).hasSize(1);
    }

    @Test
    void aMessageWithoutTextOrContactIsRefusedWithAProblem() {
        ResponseEntity<Map<String, Object>> noText = api.post("demo", "bad-1", "contact-bad", " ", null, null);
        ResponseEntity<Map<String, Object>> unknownChannel = api.post("nope", "bad-2", "contact-bad", "hi", null, null);

        assertThat(noText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noText.getBody().get("detail")).contains("'text'");
        assertThat(unknownChannel.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
