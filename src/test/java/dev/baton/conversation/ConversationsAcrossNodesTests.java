package dev.baton.conversation;

import dev.baton.BatonApplication;
import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Baton nodes share one PostgreSQL, and a shopper's messages reach both (a load balancer does not care which
 * conversation a request belongs to). Each conversation is still answered one message at a time, in arrival order,
 * exactly once: the conversation's row lock in the database, not a JVM lock, decides who answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsAcrossNodesTests {

    private static final String API_KEY = "bt_nodes_conversation_key_0123456";
    private static final String SCHEMA = "conversation_nodes";

    private ConfigurableApplicationContext one;
    private ConfigurableApplicationContext two;
    private List<ConversationApi> nodes;
    private JdbcClient jdbc;

    @BeforeAll
    void startTwoNodes() {
        Map<String, Object> first = new HashMap<>(TestStorage.postgres(SCHEMA, true));
        first.put("baton.bootstrap.demo-store", "true");
        one = start(first);
        two = start(new HashMap<>(TestStorage.postgres(SCHEMA, false)));
        nodes = List.of(api(one), api(two));
        jdbc = JdbcClient.create(one.getBean(DataSource.class));
        DemoStoreIndex.await(nodes.get(0).client());
    }

    @AfterAll
    void stopNodes() {
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void messagesOfOneConversationSentToBothNodesAreAnsweredOnceEachInArrivalOrder() throws Exception {
        List<String> conversation = ConversationBurst.send(nodes, "demo", "order", 1, 5, 1);

        ConversationBurst.Result result = ConversationBurst.await(jdbc, conversation, 5, Duration.ofMinutes(2));

        assertThat(result.answeredOnce()).isEqualTo(5);
        assertThat(result.outOfOrder()).isZero();
        assertThat(result.wrongAnswer()).as("each reply names the product its question asked about").isZero();
        List<Map<String, Object>> transcript = nodes.get(1).messages(conversation.get(0));
        assertThat(ConversationApi.texts(transcript, "SHOPPER"))
                .containsExactly(ConversationBurst.question(0), ConversationBurst.question(1), ConversationBurst.question(2),
                        ConversationBurst.question(3), ConversationBurst.question(4));
    }

    @Test
    void aBurstOf200ConversationsOf5MessagesOverTwoNodesIsAnsweredExactlyOnceInOrder() throws Exception {
        List<String> conversations = ConversationBurst.send(nodes, "demo", "burst", 200, 5, 16);

        ConversationBurst.Result result = ConversationBurst.await(jdbc, conversations, 5, Duration.ofMinutes(10));

        System.out.println("Burst on two nodes: " + result);
        assertThat(conversations).doesNotHaveDuplicates().hasSize(200);
        assertThat(result.unanswered()).isZero();
        assertThat(result.repeated()).isZero();
        assertThat(result.outOfOrder()).isZero();
        assertThat(result.wrongAnswer()).isZero();
        assertThat(result.answeredOnce()).isEqualTo(1000);
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        properties.put("baton.bootstrap.api-key", API_KEY);
        properties.put("server.port", "0");
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(BatonApplication.class).run(args);
    }

    private static ConversationApi api(ConfigurableApplicationContext node) {
        return new ConversationApi(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), API_KEY);
    }
}
