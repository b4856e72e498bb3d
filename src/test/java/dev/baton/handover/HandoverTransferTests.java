package dev.baton.handover;

import dev.baton.DemoStoreIndex;
import dev.baton.TestStorage;
import dev.baton.account.BatonPrincipal;
import dev.baton.account.Role;
import dev.baton.account.Team;
import dev.baton.inbox.internal.InboxService;
import dev.baton.shared.BatonException;
import dev.baton.account.internal.TestAccounts;
import dev.baton.conversation.ConversationApi;
import dev.baton.pipeline.Leads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.baton.conversation.ConversationApi.byRole;
import static dev.baton.conversation.ConversationApi.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The handover itself, through the REST channel and the APIs: the transition message (the account's own, the
 * "nobody is here" one outside office hours or with no manager online), the ticket (reasons, priority, SLA, unread,
 * summary also noted on the lead), assignment (responsible manager, round robin among online managers allowed for
 * the stage, the VIP group), the inbox API, a person's reply, close and hand back, and silence after the transfer.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverTransferTests {

    private static final String API_KEY = "bt_handover_transfer_key_01234567";
    private static final AtomicInteger IDS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Team team;

    @Autowired
    Leads leads;

    @Autowired
    TestAccounts accounts;

    @Autowired
    InboxService inbox;

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
        accountId = jdbc.sql("select id from account").query(UUID.class).single();
    }

    /**
     * Every test starts with no managers (an account without any hands over with the ordinary transition text),
     * default settings and no earlier tickets or open conversations in the way.
     */
    @BeforeEach
    void reset() {
        jdbc.sql("delete from handover_settings").update();
        jdbc.sql("update handover_ticket set status = 'RESOLVED', open_key = null").update();
        jdbc.sql("update conversation set status = 'CLOSED', open_key = null where status <> 'CLOSED'").update();
        jdbc.sql("delete from app_user where role = 'MANAGER'").update();
        jdbc.sql("update lead set responsible_user_id = null").update();
    }

    private String contact() {
        return "handover-" + IDS.incrementAndGet();
    }

    private String say(String contact, String text) {
        return api.send("demo", contact + "-" + IDS.incrementAndGet(), contact, text);
    }

    private List<Map<String, Object>> handled(String conversation) {
        return api.awaitHandled(conversation);
    }

    private UUID manager(String username, List<String> groups, List<UUID> stageIds, boolean online) {
        ResponseEntity<Map<String, Object>> created = api.client().post().uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", "manager-password-1", "displayName", username,
                        "role", "MANAGER", "groups", groups, "stageIds", stageIds))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        UUID id = UUID.fromString((String) created.getBody().get("id"));
        if (online) {
            team.seen(id);
        }
        return id;
    }

    private List<Map<String, Object>> inbox() {
        return api.client().get().uri("/api/v1/inbox").retrieve().body(ConversationApi.LIST);
    }

    private Map<String, Object> item(String conversation) {
        return inbox().stream().filter(i -> conversation.equals(i.get("conversationId"))).findFirst().orElseThrow();
    }

    private Map<String, Object> ticketRow(String conversation) {
        return jdbc.sql("select * from handover_ticket where conversation_id = :c order by created_at desc limit 1")
                .param("c", UUID.fromString(conversation)).query().singleRow();
    }

    private ResponseEntity<Map<String, Object>> settings(Map<String, Object> change) {
        return api.client().put().uri("/api/v1/handover/settings").contentType(MediaType.APPLICATION_JSON)
                .body(change).retrieve().toEntity(ConversationApi.OBJECT);
    }

    @Test
    void askingForAPersonOpensAnUnreadTicketWithTheSummaryAndTheAgentFallsSilent() {
        String shopper = contact();
        String conversation = say(shopper, "Do you have the Ridgeline Trail Runner in size 42?");
        handled(conversation);
        String sameConversation = say(shopper, "mau bicara dengan CS");
        assertThat(sameConversation).isEqualTo(conversation);
        List<Map<String, Object>> messages = handled(conversation);

        assertThat(texts(messages, "AGENT").get(1)).isEqualTo("Saya hubungkan Anda dengan tim kami, mohon tunggu sebentar!");
        assertThat(api.conversation(conversation)).containsEntry("status", "HANDED_OVER");

        Map<String, Object> item = item(conversation);
        assertThat(item).containsKeys("conversationId", "leadId", "contact", "reasons", "summary", "unread", "assignee", "slaDueAt");
        assertThat(item.get("reasons")).isEqualTo(List.of("HUMAN_REQUESTED"));
        assertThat(item).containsEntry("unread", true).containsEntry("priority", "HIGH").containsEntry("assignee", null);
        assertThat(map(item.get("contact"))).containsEntry("name", "Shopper " + shopper).containsEntry("channel", "REST");
        String summary = (String) item.get("summary");
        assertThat(summary).contains("Wants: \"Do you have the Ridgeline Trail Runner in size 42?\"")
                .contains("Last message: \"mau bicara dengan CS\"")
                .contains("Reason: HUMAN_REQUESTED (priority HIGH)")
                .contains("Suggested next step: Reply in person");
        Instant due = Instant.parse((String) item.get("slaDueAt"));
        assertThat(due).isCloseTo(Instant.now().plus(Duration.ofMinutes(60)), within(Duration.ofMinutes(2)));

        UUID leadId = UUID.fromString((String) item.get("leadId"));
        assertThat(leads.notes(accountId, leadId)).anySatisfy(note -> {
            assertThat(note.author()).isEqualTo("Baton");
            assertThat(note.text()).startsWith("Handed over (HUMAN_REQUESTED).").contains(summary);
        });

        // After the transfer the agent never writes again, and the shopper's message is unread for the team.
        jdbc.sql("update handover_ticket set unread = false where open_key = :c").param("c", UUID.fromString(conversation)).update();
        say(shopper, "Halo? Ada orang?");
        List<Map<String, Object>> after = handled(conversation);
        assertThat(byRole(after, "AGENT")).hasSize(2);
        assertThat(byRole(after, "SHOPPER").get(2)).containsEntry("status", "NOT_ANSWERED");
        assertThat(item(conversation)).containsEntry("unread", true);
    }

    @Test
    void aPersonsReplyReachesTheShopperAndCountsAsTheFirstReplyCloseResolvesTheTicket() {
        String shopper = contact();
        String conversation = say(shopper, "I want to talk to a human please");
        handled(conversation);

        ResponseEntity<Map<String, Object>> reply = api.client().post().uri("/api/v1/conversations/{id}/reply", conversation)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "Hi, Maria here. How can I help?"))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(texts(api.messages(conversation), "MANAGER")).containsExactly("Hi, Maria here. How can I help?");
        assertThat(ticketRow(conversation).get("first_reply_at")).isNotNull();
        assertThat(item(conversation)).containsEntry("unread", false);

        api.client().post().uri("/api/v1/conversations/{id}/close", conversation).retrieve().toBodilessEntity();
        assertThat(ticketRow(conversation)).containsEntry("status", "RESOLVED");
        assertThat(inbox()).noneMatch(i -> conversation.equals(i.get("conversationId")));

        // Analytics learns of it from the handover's and the conversation's events.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from analytics_conversation where conversation_id = :c and reason = 'HUMAN_REQUESTED'
                and resolved_by = 'PEOPLE' and first_human_reply_at is not null""")
                .param("c", UUID.fromString(conversation)).query(Long.class).single() == 1);
        Map<String, Object> report = api.client().get().uri("/api/v1/analytics").retrieve().body(ConversationApi.OBJECT);
        assertThat((Integer) map(map(report.get("handovers")).get("byReason")).get("HUMAN_REQUESTED")).isPositive();
    }

    @Test
    void handingBackEndsTheTicketAndTheAgentAnswersAgain() {
        String shopper = contact();
        String conversation = say(shopper, "quiero hablar con una persona");
        handled(conversation);
        assertThat(api.client().post().uri("/api/v1/conversations/{id}/hand-back", conversation).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ticketRow(conversation)).containsEntry("status", "HANDED_BACK");
        assertThat(inbox()).noneMatch(i -> conversation.equals(i.get("conversationId")));

        say(shopper, "How much is the Ridgeline Trail Runner?");
        List<Map<String, Object>> messages = handled(conversation);
        assertThat(byRole(messages, "AGENT")).hasSize(2);
        assertThat(texts(messages, "AGENT").get(1)).contains("Ridgeline");
    }

    @Test
    void theAccountsOwnTransitionMessageIsSentInTheShoppersLanguage() {
        assertThat(settings(Map.of("transitionMessages", Map.of("id", "Tunggu ya kak, tim kami segera membalas!")))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String conversation = say(contact(), "mau bicara dengan CS");
        assertThat(texts(handled(conversation), "AGENT")).containsExactly("Tunggu ya kak, tim kami segera membalas!");

        String english = say(contact(), "Can I talk to a real person?");
        assertThat(texts(handled(english), "AGENT")).containsExactly("I'm connecting you with our team, one moment please!");
    }

    @Test
    void outsideOfficeHoursTheShopperHearsWhenAPersonWillReply() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String window = now.getHour() < 12 ? "13:00-14:00" : "02:00-03:00";
        Map<String, String> week = new java.util.LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.put(day, window);
        }
        assertThat(settings(Map.of("officeHours", week)).getStatusCode()).isEqualTo(HttpStatus.OK);

        String conversation = say(contact(), "I want to talk to a human");
        String reply = texts(handled(conversation), "AGENT").get(0);
        String expected = now.getHour() < 12 ? "14:00 (GMT)" : "03:00 (GMT)";
        assertThat(reply).startsWith("Thank you for your patience! Our team is not available right now")
                .contains("a person will reply here by").contains(expected);
        // The SLA counts from the team's return, not from now.
        Instant due = jdbc.sql("select sla_due_at from handover_ticket where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(OffsetDateTime.class).single().toInstant();
        assertThat(due.atOffset(ZoneOffset.UTC).getHour()).isEqualTo(now.getHour() < 12 ? 14 : 3);
    }

    @Test
    void withManagersButNoneOnlineTheShopperGetsTheNobodyHereMessageAndTheTicketWaitsUnassigned() {
        manager("offline-" + IDS.incrementAndGet(), List.of(), List.of(), false);
        String conversation = say(contact(), "I want to talk to a human");
        assertThat(texts(handled(conversation), "AGENT").get(0))
                .startsWith("Thank you for your patience! Our team is not available right now");
        assertThat(item(conversation)).containsEntry("assignee", null);
    }

    @Test
    void onlineManagersGetHandoversInTurnAndAnOfflineOneGetsNone() {
        UUID first = manager("rr-a-" + IDS.incrementAndGet(), List.of(), List.of(), true);
        UUID second = manager("rr-b-" + IDS.incrementAndGet(), List.of(), List.of(), true);
        manager("rr-off-" + IDS.incrementAndGet(), List.of(), List.of(), false);

        List<UUID> assignees = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String conversation = say(contact(), "I want to talk to a human");
            handled(conversation);
            Map<String, Object> assignee = map(item(conversation).get("assignee"));
            assignees.add(UUID.fromString((String) assignee.get("id")));
        }
        assertThat(assignees).containsOnly(first, second);
        assertThat(assignees.get(0)).isNotEqualTo(assignees.get(1));
        assertThat(assignees.get(2)).isEqualTo(assignees.get(0));
        assertThat(assignees.get(3)).isEqualTo(assignees.get(1));
        assertThat(texts(api.messages((String) inbox().get(0).get("conversationId")), "AGENT").get(0))
                .isEqualTo("I'm connecting you with our team, one moment please!");
    }

    @Test
    void aManagerAllowedForOtherStagesOnlyIsPassedOverAndTheLeadsResponsibleManagerComesFirst() {
        UUID otherStage = jdbc.sql("select id from pipeline_stage where account_id = :a and name = 'Qualified'")
                .param("a", accountId).query(UUID.class).single();
        manager("stage-only-" + IDS.incrementAndGet(), List.of(), List.of(otherStage), true);
        UUID anyStage = manager("any-stage-" + IDS.incrementAndGet(), List.of(), List.of(), true);
        UUID responsible = manager("responsible-" + IDS.incrementAndGet(), List.of(), List.of(), false);

        String conversation = say(contact(), "I want to talk to a human");
        handled(conversation);
        assertThat(map(item(conversation).get("assignee")).get("id")).isEqualTo(anyStage.toString());

        String shopper = contact();
        String second = say(shopper, "hello");
        handled(second);
        UUID leadId = UUID.fromString((String) api.conversation(second).get("leadId"));
        leads.assign(accountId, leadId, responsible);
        say(shopper, "I want to talk to a human");
        handled(second);
        assertThat(map(item(second).get("assignee")).get("id")).isEqualTo(responsible.toString());
    }

    @Test
    void aVipCustomerIsHandedOverEarlyToTheVipGroupAndTheLeadMovesToTheConfiguredStage() {
        UUID qualified = jdbc.sql("select id from pipeline_stage where account_id = :a and name = 'Qualified'")
                .param("a", accountId).query(UUID.class).single();
        assertThat(settings(Map.of("moveToStageId", qualified.toString(), "vipGroup", "VIP")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> rules = api.client().put().uri("/api/v1/handover/rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rules", List.of(Map.of("reason", "VIP", "enabled", true,
                        "thresholds", Map.of("lifetimeSpend", 400)))))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(rules.getStatusCode()).isEqualTo(HttpStatus.OK);
        manager("regular-" + IDS.incrementAndGet(), List.of(), List.of(), true);
        UUID vipManager = manager("vip-desk-" + IDS.incrementAndGet(), List.of("VIP"), List.of(), true);
        try {
            // Marcus Reid's demo order is 498.00: above the 400 threshold.
            ResponseEntity<Map<String, Object>> sent = api.post("demo", "vip-" + IDS.incrementAndGet(), contact(),
                    "Do you have the Ridgeline Trail Runner in size 44?", null, "marcus.reid@example.com");
            String conversation = (String) sent.getBody().get("conversationId");
            handled(conversation);

            Map<String, Object> item = item(conversation);
            assertThat(item.get("reasons")).isEqualTo(List.of("VIP"));
            assertThat(item).containsEntry("priority", "URGENT");
            assertThat(map(item.get("assignee")).get("id")).isEqualTo(vipManager.toString());
            assertThat((String) item.get("summary")).contains("1 order at the store, 498.00 spent");
            UUID leadId = UUID.fromString((String) item.get("leadId"));
            assertThat(leads.find(accountId, leadId).orElseThrow().stageId()).isEqualTo(qualified);
        } finally {
            api.client().put().uri("/api/v1/handover/rules").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("rules", List.of(Map.of("reason", "VIP", "thresholds", Map.of("lifetimeSpend", 1000)))))
                    .retrieve().toBodilessEntity();
        }
    }

    @Test
    void theSameContactWritingOnAnotherChannelWhileHandedOverIsHandedOverForTheChannelSwitch() {
        ResponseEntity<Map<String, Object>> created = api.client().post().uri("/api/v1/channels")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "crm-" + IDS.incrementAndGet(), "kind", "REST", "name", "Host CRM", "agentEnabled", true))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String otherChannel = (String) created.getBody().get("id");
        String phone = "+62 812 5550 " + (1000 + IDS.incrementAndGet());

        String first = (String) api.post("demo", "switch-" + IDS.incrementAndGet(), contact(), "I want to talk to a human",
                phone, null).getBody().get("conversationId");
        handled(first);
        assertThat(api.conversation(first)).containsEntry("status", "HANDED_OVER");

        String second = (String) api.post(otherChannel, "switch-" + IDS.incrementAndGet(), contact(),
                "Do you have the Ridgeline Trail Runner in size 42?", phone, null).getBody().get("conversationId");
        handled(second);
        assertThat(second).isNotEqualTo(first);
        Map<String, Object> item = item(second);
        assertThat(item.get("reasons")).isEqualTo(List.of("CHANNEL_SWITCH"));
        assertThat(map(item.get("contact")).get("id")).isEqualTo(map(item(first).get("contact")).get("id"));
        assertThat((String) item.get("summary")).contains("Suggested next step: The shopper continues an open issue");
    }

    @Test
    void aManagerSeesTheirOwnAndUnassignedTicketsAndTheInboxStateChangesWithEachEvent() {
        UUID maria = manager("inbox-maria-" + IDS.incrementAndGet(), List.of(), List.of(), true);
        UUID joao = manager("inbox-joao-" + IDS.incrementAndGet(), List.of(), List.of(), true);
        BatonPrincipal owner = new BatonPrincipal(accountId, null, "api-key", Role.OWNER);
        BatonPrincipal asMaria = new BatonPrincipal(accountId, maria, "maria", Role.MANAGER);
        String before = inbox.fingerprint(asMaria);

        String first = say(contact(), "I want to talk to a human");
        handled(first);
        String second = say(contact(), "I want to talk to a human");
        handled(second);
        UUID firstAssignee = UUID.fromString((String) map(item(first).get("assignee")).get("id"));
        String mine = firstAssignee.equals(maria) ? first : second;
        String theirs = mine.equals(first) ? second : first;
        assertThat(UUID.fromString((String) map(item(theirs).get("assignee")).get("id"))).isEqualTo(joao);

        assertThat(inbox.items(asMaria)).extracting(i -> i.conversationId().toString()).containsExactly(mine);
        assertThat(inbox.items(owner)).extracting(i -> i.conversationId().toString()).contains(mine, theirs);
        assertThatThrownBy(() -> inbox.open(asMaria, UUID.fromString(theirs))).isInstanceOf(BatonException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((BatonException) e).status()).isEqualTo(404));

        String withTicket = inbox.fingerprint(asMaria);
        assertThat(withTicket).isNotEqualTo(before);
        inbox.open(asMaria, UUID.fromString(mine));
        String read = inbox.fingerprint(asMaria);
        assertThat(read).isNotEqualTo(withTicket);
        assertThat(inbox.items(asMaria).get(0).unread()).isFalse();
        // Someone else's conversation changing leaves Maria's inbox as it is; her shopper writing changes it.
        say(UUID.randomUUID().toString(), "hello");
        assertThat(inbox.fingerprint(asMaria)).isEqualTo(read);
        api.client().post().uri("/api/v1/channels/demo/messages").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("externalMessageId", "again-" + IDS.incrementAndGet(), "contact",
                        Map.of("externalId", shopperOf(mine)),
                        "text", "Hello? Anyone?"))
                .retrieve().toBodilessEntity();
        handled(mine);
        assertThat(inbox.fingerprint(asMaria)).isNotEqualTo(read);
    }

    private String shopperOf(String conversation) {
        return jdbc.sql("select recipient from conversation where id = :c").param("c", UUID.fromString(conversation))
                .query(String.class).single();
    }

    @Test
    void anotherAccountSeesNoneOfIt() {
        String conversation = say(contact(), "I want to talk to a human");
        handled(conversation);
        TestAccounts.NewAccount other = accounts.create("Other store");
        List<Map<String, Object>> theirs = new ConversationApi(port, other.apiKey()).client().get().uri("/api/v1/inbox")
                .retrieve().body(ConversationApi.LIST);
        assertThat(theirs).isEmpty();
        assertThat(new ConversationApi(port, other.apiKey()).client().post()
                .uri("/api/v1/conversations/{id}/reply", conversation).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "hi")).retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void settingsShowEveryLanguageAndRefuseWhatCannotWork() {
        Map<String, Object> shown = api.client().get().uri("/api/v1/handover/settings").retrieve().body(ConversationApi.OBJECT);
        assertThat(map(shown.get("transitionMessages"))).containsOnlyKeys("en", "es", "pt", "ru", "id", "pl");
        assertThat(shown).containsEntry("summaryEnabled", true).containsEntry("vipGroup", "VIP");
        assertThat(map(shown.get("slaMinutes"))).containsEntry("HIGH", 60);

        assertProblem(settings(Map.of("transitionMessages", Map.of("fr", "Un instant"))), "'fr' is not a supported language");
        assertProblem(settings(Map.of("officeHours", Map.of("monday", "nine to five"))), "should look like 09:00-18:00");
        assertProblem(settings(Map.of("moveToStageId", UUID.randomUUID().toString())), "is not a stage of this account");
        assertProblem(settings(Map.of("slaMinutes", Map.of("HIGH", 0))), "slaMinutes.HIGH must be from 1");
        assertProblem(settings(Map.of("slaMinutes", Map.of("SOON", 10))), "'SOON' is not a priority");

        Map<String, Object> changed = settings(Map.of("transitionMessages", Map.of("en", "One moment!"),
                "summaryEnabled", false)).getBody();
        assertThat(map(changed.get("transitionMessages"))).containsEntry("en", "One moment!");
        assertThat(changed.get("ownTransitionMessages")).isEqualTo(List.of("en"));
        String conversation = say(contact(), "I want to talk to a human");
        assertThat(texts(handled(conversation), "AGENT")).containsExactly("One moment!");
        assertThat(item(conversation)).containsEntry("summary", "");
        Map<String, Object> back = settings(Map.of("transitionMessages", Map.of("en", ""))).getBody();
        assertThat(map(back.get("transitionMessages"))).containsEntry("en", "I'm connecting you with our team, one moment please!");
        assertThat(back.get("ownTransitionMessages")).isEqualTo(List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains(detail);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
    }
}
