package dev.baton.handover.web;

import dev.baton.TestStorage;
import dev.baton.account.BatonPrincipal;
import dev.baton.account.Role;
import dev.baton.account.TeamMember;
import dev.baton.account.internal.NewUser;
import dev.baton.account.internal.TeamEditor;
import dev.baton.account.internal.TestAccounts;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.internal.HandoverSettings;
import dev.baton.handover.internal.RuleBook;
import dev.baton.handover.internal.TransferSettings;
import dev.baton.pipeline.Leads;
import dev.baton.pipeline.PipelineStages;
import dev.baton.pipeline.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Handover settings page through MockMvc, on the embedded storage, each test in an account of its own: every
 * section saves through the same services as the API, a mistake comes back with the service's message and what was
 * typed (nothing saved), and the page is for owners and admins only.
 */
@DirtiesContext
@SpringBootTest
@AutoConfigureMockMvc
class HandoverSettingsPageTests {

    private static final String PAGE = "/settings/handover";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TeamEditor team;

    @Autowired
    TransferSettings transfer;

    @Autowired
    HandoverSettings rules;

    @Autowired
    Leads leads;

    UUID accountId;
    TeamMember owner;
    String suffix;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @BeforeEach
    void newAccount() {
        accountId = accounts.create("Handover page store").id();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = add("owner", Role.OWNER, List.of());
    }

    @Test
    void thePageShowsEverySectionWithTheAccountsSettings() throws Exception {
        add("vera", Role.MANAGER, List.of("VIP"));

        assertThat(page()).contains("<title>Handover · Baton</title>",
                        "<a href=\"/settings/handover\" class=\"active\">Handover</a>",
                        "Transition messages", "When nobody is here",
                        "connecting you with our team, one moment please!</textarea>",
                        "name=\"transition.id\"", "name=\"offline.pl\"", ">Indonesian<", ">Default<",
                        "Always open.", "<strong>UTC</strong>", "name=\"hours.monday\"", "name=\"hours.sunday\"",
                        "title=\"Stop writing summaries\" aria-checked=\"true\"",
                        "<option value=\"\" selected=\"selected\">Don't move</option>", "<optgroup label=\"Sales\">",
                        ">Qualified</option>", "name=\"sla.URGENT\" min=\"1\" max=\"10080\" step=\"1\" required value=\"15\"",
                        "name=\"vipGroup\" value=\"VIP\"", "In the group: <span>Vera</span>", "10 of 10 on",
                        "Asks for a person", "Continues from another channel",
                        "step=\"any\" name=\"NEGATIVE_EMOTION.score\" value=\"1\"",
                        "step=\"1\" name=\"NEGATIVE_EMOTION.exclamationMarks\" value=\"3\"",
                        "name=\"VIP.tags\" value=\"vip\"", "name=\"_csrf\"")
                .doesNotContain(">Customised<", "alert error");
    }

    @Test
    void theTextsAreSavedPerLanguageAndGoBackToTheDefault() throws Exception {
        String indonesian = "Mohon tunggu, tim kami akan segera membantu Anda.";

        mvc.perform(texts("transition", Map.of("transition.id", indonesian + "\r\n")))
                .andExpect(redirectedUrl(PAGE + "#transition-result"))
                .andExpect(flash().attribute("message", "Saved the transition messages: Indonesian customised."));
        assertThat(transfer.view(accountId).transitionMessages()).containsEntry("id", indonesian);
        assertThat(transfer.view(accountId).ownTransitionMessages()).containsExactly("id");
        assertThat(page()).contains(">" + indonesian + "</textarea>", ">Customised<",
                "aria-label=\"Reset Indonesian to default\"");

        mvc.perform(texts("transition", Map.of("transition.id", indonesian)).param("reset", "id"))
                .andExpect(flash().attribute("message", "Saved the transition messages: Indonesian back to the default."));
        assertThat(transfer.view(accountId).ownTransitionMessages()).isEmpty();

        mvc.perform(texts("offline", Map.of("offline.es", "Volvemos {when}. ¡Gracias!")))
                .andExpect(redirectedUrl(PAGE + "#offline-result"))
                .andExpect(flash().attribute("message", "Saved the \"nobody is here\" messages: Spanish customised."));
        assertThat(transfer.view(accountId).offlineMessages()).containsEntry("es", "Volvemos {when}. ¡Gracias!");

        mvc.perform(texts("offline", Map.of())).andExpect(flash().attribute("message",
                "Nothing changed in the \"nobody is here\" messages."));
    }

    @Test
    void officeHoursSummaryStageReplyTimesAndTheVipGroupAreSaved() throws Exception {
        mvc.perform(post(PAGE + "/hours").with(as(owner)).with(csrf()).param("hours.monday", "09:00-18:00")
                        .param("hours.tuesday", " 09:00-12:00, 13:00-18:00 ").param("hours.sunday", ""))
                .andExpect(redirectedUrl(PAGE + "#hours-result"))
                .andExpect(flash().attribute("message", "Saved the office hours: open 2 days a week, closed 5."));
        assertThat(transfer.view(accountId).officeHours()).containsExactly(Map.entry("monday", "09:00-18:00"),
                Map.entry("tuesday", "09:00-12:00,13:00-18:00"));
        assertThat(page()).contains("name=\"hours.tuesday\" value=\"09:00-12:00, 13:00-18:00\"")
                .doesNotContain("Always open.");

        mvc.perform(post(PAGE + "/hours").with(as(owner)).with(csrf()))
                .andExpect(flash().attribute("message", "Saved: no office hours, so the team counts as always there."));
        assertThat(transfer.view(accountId).officeHours()).isEmpty();

        mvc.perform(post(PAGE + "/summary").with(as(owner)).with(csrf()).param("enabled", "false"))
                .andExpect(redirectedUrl(PAGE + "#summary-result"));
        assertThat(transfer.view(accountId).summaryEnabled()).isFalse();

        Stage qualified = stage("Qualified");
        mvc.perform(post(PAGE + "/stage").with(as(owner)).with(csrf()).param("stage", qualified.id().toString()))
                .andExpect(flash().attribute("message", "Saved: a handed-over lead moves to \"Qualified\" (Sales)."));
        assertThat(transfer.view(accountId).moveToStageId()).isEqualTo(qualified.id());
        assertThat(page()).contains("<option value=\"" + qualified.id() + "\" selected=\"selected\">Qualified</option>");
        mvc.perform(post(PAGE + "/stage").with(as(owner)).with(csrf()).param("stage", ""))
                .andExpect(flash().attribute("message", "Saved: a handed-over lead stays in its stage."));
        assertThat(transfer.view(accountId).moveToStageId()).isNull();

        mvc.perform(post(PAGE + "/sla").with(as(owner)).with(csrf()).param("sla.URGENT", "10").param("sla.HIGH", "45")
                        .param("sla.NORMAL", "480"))
                .andExpect(flash().attribute("message", "Saved the reply times: urgent 10 min, high 45 min, normal 480 min."));
        assertThat(transfer.view(accountId).slaMinutes()).containsEntry("URGENT", 10).containsEntry("HIGH", 45)
                .containsEntry("NORMAL", 480);

        mvc.perform(post(PAGE + "/vip").with(as(owner)).with(csrf()).param("vipGroup", " Gold "))
                .andExpect(flash().attribute("message", "Saved: VIP conversations go to the group \"Gold\"."));
        assertThat(transfer.view(accountId).vipGroup()).isEqualTo("Gold");
    }

    @Test
    void theTriggersAreSavedTogether() throws Exception {
        mvc.perform(triggersForm(Map.of("NEGATIVE_EMOTION.score", "2.5", "NEGATIVE_EMOTION.exclamationMarks", "5",
                        "VIP.tags", "vip, Gold ,"), "SENSITIVE_DATA.enabled"))
                .andExpect(redirectedUrl(PAGE + "#triggers-result"))
                .andExpect(flash().attribute("message", "Saved the triggers: 9 of 10 on."));

        RuleBook saved = rules.forAccount(accountId);
        assertThat(saved.of(HandoverReason.SENSITIVE_DATA).enabled()).isFalse();
        assertThat(saved.of(HandoverReason.HUMAN_REQUESTED).enabled()).isTrue();
        assertThat(new BigDecimal(saved.of(HandoverReason.NEGATIVE_EMOTION).thresholds().get("score").toString()))
                .isEqualByComparingTo("2.5");
        assertThat(saved.of(HandoverReason.NEGATIVE_EMOTION).thresholds()).containsEntry("exclamationMarks", 5);
        assertThat(saved.of(HandoverReason.VIP).thresholds()).containsEntry("tags", List.of("vip", "Gold"));
        assertThat(page()).contains("9 of 10 on", "name=\"NEGATIVE_EMOTION.score\" value=\"2.5\"",
                "name=\"VIP.tags\" value=\"vip, Gold\"");
    }

    @Test
    void badInputShowsTheServicesMessageKeepsWhatWasTypedAndSavesNothing() throws Exception {
        MvcResult hours = mvc.perform(post(PAGE + "/hours").with(as(owner)).with(csrf())
                        .param("hours.monday", "09:00-18:00").param("hours.tuesday", "9 to 5"))
                .andExpect(redirectedUrl(PAGE + "#hours-result"))
                .andExpect(flash().attribute("error", "Office hours for tuesday: '9 to 5' should look like 09:00-18:00."))
                .andReturn();
        assertThat(transfer.view(accountId).officeHours()).as("Monday was not saved either").isEmpty();
        assertThat(pageAfter(hours)).contains("<div class=\"result\" id=\"hours-result\"> <div class=\"alert error\" "
                        + "role=\"alert\">Office hours for tuesday: &#39;9 to 5&#39; should look like 09:00-18:00.</div>",
                "name=\"hours.tuesday\" value=\"9 to 5\"", "name=\"hours.monday\" value=\"09:00-18:00\"");

        MvcResult sla = mvc.perform(post(PAGE + "/sla").with(as(owner)).with(csrf()).param("sla.URGENT", "0")
                        .param("sla.HIGH", "30").param("sla.NORMAL", "240"))
                .andExpect(flash().attribute("error", "slaMinutes.URGENT must be from 1 to 10080 minutes (a week)."))
                .andReturn();
        assertThat(transfer.view(accountId).slaMinutes()).containsEntry("URGENT", 15).containsEntry("HIGH", 60);
        assertThat(pageAfter(sla)).contains("name=\"sla.URGENT\" min=\"1\" max=\"10080\" step=\"1\" required value=\"0\"",
                "name=\"sla.HIGH\" min=\"1\" max=\"10080\" step=\"1\" required value=\"30\"",
                "role=\"alert\">slaMinutes.URGENT must be from 1 to 10080 minutes (a week).</div>");
        mvc.perform(post(PAGE + "/sla").with(as(owner)).with(csrf()).param("sla.URGENT", "soon")
                        .param("sla.HIGH", "30").param("sla.NORMAL", "240"))
                .andExpect(flash().attribute("error", "slaMinutes.URGENT must be a whole number of minutes, from 1 to "
                        + "10080 (a week); 'soon' is not."));

        String tooLong = "a".repeat(1001);
        MvcResult text = mvc.perform(texts("transition", Map.of("transition.en", "Just a moment.",
                        "transition.id", tooLong)))
                .andExpect(flash().attribute("error", "transitionMessages.id has 1001 characters; the limit is 1000."))
                .andReturn();
        assertThat(transfer.view(accountId).ownTransitionMessages()).as("English was not saved either").isEmpty();
        assertThat(pageAfter(text)).contains(">" + tooLong + "</textarea>", ">Just a moment.</textarea>",
                "role=\"alert\">transitionMessages.id has 1001 characters; the limit is 1000.</div>");

        mvc.perform(triggersForm(Map.of("REPEATED_RESPONSE.similarity", "a lot"), "HUMAN_REQUESTED.enabled"))
                .andExpect(flash().attribute("error", "REPEATED_RESPONSE.similarity must be a number of 0 or more; "
                        + "'a lot' is not."));
        assertThat(rules.forAccount(accountId).of(HandoverReason.HUMAN_REQUESTED).enabled()).isTrue();

        mvc.perform(post(PAGE + "/vip").with(as(owner)).with(csrf()).param("vipGroup", "  "))
                .andExpect(flash().attribute("error", "vipGroup must be a group name of 1 to 100 characters."));
        assertThat(transfer.view(accountId).vipGroup()).isEqualTo("VIP");
    }

    @Test
    void managersAreRefusedThePageAndItsForms() throws Exception {
        TeamMember lena = add("lena", Role.MANAGER, List.of());

        mvc.perform(get(PAGE).with(as(lena))).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/sla").with(as(lena)).with(csrf()).param("sla.URGENT", "1").param("sla.HIGH", "1")
                .param("sla.NORMAL", "1")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/summary").with(as(owner)).param("enabled", "false"))
                .andExpect(status().isForbidden());
        assertThat(transfer.view(accountId).slaMinutes()).containsEntry("URGENT", 15);
        assertThat(transfer.view(accountId).summaryEnabled()).as("no CSRF token, no change").isTrue();

        assertThat(html(get("/settings/agent").with(as(owner)))).contains("on <a href=\"/settings/handover\">Handover</a>");
    }

    /** The page as the owner sees it, its whitespace collapsed. */
    private String page() throws Exception {
        return html(get(PAGE).with(as(owner)));
    }

    /** The page the redirect after a post leads to, with the post's session (and so its flash attributes). */
    private String pageAfter(MvcResult post) throws Exception {
        return html(get(PAGE).with(as(owner)).cookie(post.getResponse().getCookie("SESSION")));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("\\s+", " ");
    }

    /** The texts form of a section as the page posts it: every language with its stored text but the {@code typed} ones. */
    private MockHttpServletRequestBuilder texts(String section, Map<String, String> typed) {
        TransferSettings.View view = transfer.view(accountId);
        Map<String, String> stored = section.equals("transition") ? view.transitionMessages() : view.offlineMessages();
        MockHttpServletRequestBuilder form = post(PAGE + "/" + section).with(as(owner)).with(csrf());
        stored.forEach((language, text) -> form.param(section + "." + language,
                typed.getOrDefault(section + "." + language, text)));
        return form;
    }

    /**
     * The triggers form as the page posts it: the switches that are on ticked but {@code unticked}, every threshold
     * as stored but the {@code changed} ones.
     */
    private MockHttpServletRequestBuilder triggersForm(Map<String, String> changed, String unticked) {
        MockHttpServletRequestBuilder form = post(PAGE + "/triggers").with(as(owner)).with(csrf());
        rules.forAccount(accountId).inOrder().forEach(rule -> {
            if (rule.enabled() && !unticked.equals(rule.reason() + ".enabled")) {
                form.param(rule.reason() + ".enabled", "on");
            }
            rule.thresholds().forEach((key, value) -> {
                String field = rule.reason() + "." + key;
                form.param(field, changed.getOrDefault(field, value instanceof List<?> list
                        ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
            });
        });
        return form;
    }

    private Stage stage(String name) {
        return leads.pipelines(accountId).stream().map(PipelineStages::stages).flatMap(List::stream)
                .filter(stage -> stage.name().equals(name)).findFirst().orElseThrow();
    }

    private TeamMember add(String name, Role role, List<String> groups) {
        return team.create(accountId, new NewUser(name + "-" + suffix, "handover-password",
                name.substring(0, 1).toUpperCase() + name.substring(1), role.name(), groups, List.of()));
    }

    private static RequestPostProcessor as(TeamMember member) {
        return authentication(new UsernamePasswordAuthenticationToken(
                new BatonPrincipal(member.accountId(), member.id(), member.username(), member.role()), null,
                AuthorityUtils.createAuthorityList("ROLE_" + member.role().name())));
    }
}
