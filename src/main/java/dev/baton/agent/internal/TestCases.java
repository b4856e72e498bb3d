package dev.baton.agent.internal;

import dev.baton.account.AccountCreated;
import dev.baton.shared.BatonException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Playground regression cases: saved from a session or sent whole, run on demand against the account's current
 * sources and model, each in a throwaway conversation (deleted afterwards: running cases leaves nothing behind).
 * An account that gets the demo store gets the starter cases from {@code knowledge/agent/starter-cases.json}.
 */
@Service
public class TestCases {

    static final int MAX_MESSAGES = 20;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final AgentService agent;
    private final AgentConversations conversations;

    TestCases(JdbcClient jdbc, ObjectMapper json, Clock clock, AgentService agent, AgentConversations conversations) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.agent = agent;
        this.conversations = conversations;
    }

    @ApplicationModuleListener
    void on(AccountCreated event) {
        if (event.withDemoStore()) {
            starterCases().forEach(starter -> save(event.accountId(), starter.name(), starter.messages(), starter.expect()));
        }
    }

    @Transactional
    public UUID save(UUID accountId, String name, List<String> messages, TestCase.Expectations expect) {
        if (name == null || name.isBlank()) {
            throw BatonException.badRequest("A test case needs a name.");
        }
        if (messages == null || messages.isEmpty() || messages.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw BatonException.badRequest("A test case needs at least one shopper message, none of them empty.");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw BatonException.badRequest("A test case holds at most " + MAX_MESSAGES + " messages.");
        }
        TestCase.Expectations expectations = expect == null ? new TestCase.Expectations(null, null, null, null, null) : expect;
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into agent_test_case (id, account_id, name, messages, expectations, created_at)
                values (:id, :account, :name, :messages, :expectations, :now)""")
                .param("id", id).param("account", accountId).param("name", name.strip())
                .param("messages", json.writeValueAsString(messages)).param("expectations", json.writeValueAsString(expectations))
                .param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    /** "Save as test case": the session's shopper messages, with the expectations given. */
    @Transactional
    public UUID saveSession(UUID accountId, UUID sessionId, String name, TestCase.Expectations expect) {
        List<String> messages = conversations.customerMessages(accountId, sessionId);
        if (messages.isEmpty()) {
            throw BatonException.notFound("Playground session with messages", sessionId);
        }
        return save(accountId, name, messages, expect);
    }

    @Transactional(readOnly = true)
    public List<TestCase> list(UUID accountId) {
        return jdbc.sql("select id, name, messages, expectations from agent_test_case where account_id = :account order by created_at, name")
                .param("account", accountId)
                .query((rs, n) -> new TestCase(rs.getObject("id", UUID.class), rs.getString("name"),
                        json.readValue(rs.getString("messages"), new TypeReference<List<String>>() { }),
                        json.readValue(rs.getString("expectations"), TestCase.Expectations.class)))
                .list();
    }

    @Transactional
    public void delete(UUID accountId, UUID id) {
        if (jdbc.sql("delete from agent_test_case where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).update() == 0) {
            throw BatonException.notFound("Test case", id);
        }
    }

    /** Runs every case of the account; each in a conversation of its own, deleted afterwards. */
    public List<TestCase.Result> runAll(UUID accountId) {
        return list(accountId).stream().map(testCase -> run(accountId, testCase)).toList();
    }

    private TestCase.Result run(UUID accountId, TestCase testCase) {
        UUID conversation = agent.startConversation(accountId, "TEST_CASE");
        try {
            Set<String> toolsRun = new LinkedHashSet<>();
            boolean handedOver = false;
            AgentReply last = null;
            for (String message : testCase.messages()) {
                last = agent.reply(accountId, conversation, message);
                last.trace().tools().forEach(call -> toolsRun.add(call.name()));
                handedOver |= last.handover();
            }
            return new TestCase.Result(testCase.id(), testCase.name(),
                    failures(testCase.expect(), last, toolsRun, handedOver).isEmpty(),
                    failures(testCase.expect(), last, toolsRun, handedOver), last == null ? "" : last.text());
        } finally {
            agent.deleteConversation(accountId, conversation);
        }
    }

    private static List<String> failures(TestCase.Expectations expect, AgentReply last, Set<String> toolsRun,
            boolean handedOver) {
        List<String> failures = new ArrayList<>();
        String reply = last == null ? "" : last.text().toLowerCase(Locale.ROOT);
        expect.contains().stream().filter(text -> !reply.contains(text.toLowerCase(Locale.ROOT)))
                .forEach(text -> failures.add("the reply does not contain \"" + text + "\""));
        expect.excludes().stream().filter(text -> reply.contains(text.toLowerCase(Locale.ROOT)))
                .forEach(text -> failures.add("the reply contains \"" + text + "\""));
        expect.tools().stream().filter(tool -> !toolsRun.contains(tool))
                .forEach(tool -> failures.add("the tool " + tool + " did not run (ran: " + toolsRun + ")"));
        if (expect.handover() != null && expect.handover() != handedOver) {
            failures.add(expect.handover() ? "no handover, one was expected" : "a handover, none was expected");
        }
        if (expect.language() != null && last != null && !expect.language().equalsIgnoreCase(last.language().code())) {
            failures.add("the reply is in " + last.language().code() + ", not " + expect.language());
        }
        return failures;
    }

    private List<Starter> starterCases() {
        try {
            return json.readValue(new ClassPathResource("knowledge/agent/starter-cases.json").getContentAsString(
                    java.nio.charset.StandardCharsets.UTF_8), new TypeReference<List<Starter>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the starter test cases", e);
        }
    }

    private record Starter(String name, List<String> messages, TestCase.Expectations expect) {
    }
}
