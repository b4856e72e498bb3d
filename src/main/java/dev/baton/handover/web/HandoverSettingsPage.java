package dev.baton.handover.web;

import dev.baton.account.TeamMember;
import dev.baton.handover.internal.RuleBook;
import dev.baton.handover.internal.TransferSettings;
import dev.baton.pipeline.PipelineStages;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the Handover settings page shows, section by section. After a mistake the section that failed shows what the
 * user typed ({@code typed}, by form field) instead of what is stored, so nothing typed is lost.
 */
record HandoverSettingsPage(List<LanguageText> transition, List<LanguageText> offline, List<DayHours> officeHours,
        boolean alwaysOpen, String timeZone, String localNow, boolean summaryEnabled, List<PipelineStages> pipelines,
        String moveToStageId, boolean moveToStageGone, List<Priority> sla, String vipGroup, List<String> vipMembers,
        List<TriggerRow> triggers, int triggersOn, String currency) {

    /** A text in one language; {@code own}: the account's own text, else Baton's default. */
    record LanguageText(String code, String name, String field, String text, boolean own) {

        public boolean saysWhen() {
            return text.contains("{when}");
        }
    }

    record DayHours(String day, String name, String field, String hours) {
    }

    record Priority(String code, String name, String hint, String field, String minutes) {
    }

    static final List<String> DAYS = List.of(DayOfWeek.values()).stream()
            .map(day -> day.name().toLowerCase(Locale.ROOT)).toList();

    private static final Map<String, String> PRIORITY_HINTS = Map.of(
            "URGENT", "VIP customers, angry or upset shoppers.",
            "HIGH", "Asked for a person; sensitive, technical or special requests; nothing found.",
            "NORMAL", "Everything else: no answer in the knowledge, round in circles, another channel.");

    /** What a refused section posted, by form field; empty for the other sections. */
    record Typed(String section, Map<String, String> fields) {

        static final Typed NOTHING = new Typed("", Map.of());

        Map<String, String> in(String name) {
            return name.equals(section) ? fields : Map.of();
        }
    }

    /** Everything the page needs; the section that was just refused shows what was {@code typed} in it. */
    static HandoverSettingsPage of(TransferSettings.View view, RuleBook rules, List<PipelineStages> pipelines,
            List<TeamMember> members, String currency, ZonedDateTime now, Typed typed) {
        UUID stage = view.moveToStageId();
        boolean stageGone = stage != null && pipelines.stream().flatMap(pipeline -> pipeline.stages().stream())
                .noneMatch(candidate -> candidate.id().equals(stage));
        List<TriggerRow> triggers = rules.inOrder().stream().map(rule -> TriggerRow.of(rule, typed.in("triggers"))).toList();
        return new HandoverSettingsPage(
                texts("transition", view.transitionMessages(), view.ownTransitionMessages(), typed.in("transition")),
                texts("offline", view.offlineMessages(), view.ownOfflineMessages(), typed.in("offline")),
                week(view.officeHours(), typed.in("hours")), view.officeHours().isEmpty(), now.getZone().getId(),
                DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH).format(now), view.summaryEnabled(),
                pipelines, typed.in("stage").getOrDefault("stage", stage == null ? "" : stage.toString()), stageGone,
                priorities(view.slaMinutes(), typed.in("sla")),
                typed.in("vip").getOrDefault("vipGroup", view.vipGroup()),
                members.stream().filter(member -> member.groups().stream().anyMatch(view.vipGroup()::equalsIgnoreCase))
                        .map(TeamMember::label).toList(),
                triggers, (int) triggers.stream().filter(TriggerRow::enabled).count(), currency);
    }

    private static List<DayHours> week(Map<String, String> hours, Map<String, String> typed) {
        return DAYS.stream().map(day -> new DayHours(day, name(day), "hours." + day,
                typed.getOrDefault("hours." + day, hours.getOrDefault(day, "").replace(",", ", ")))).toList();
    }

    private static List<Priority> priorities(Map<String, Integer> minutes, Map<String, String> typed) {
        return minutes.keySet().stream().sorted(Comparator.comparingInt(HandoverSettingsPage::rank))
                .map(code -> new Priority(code, name(code), PRIORITY_HINTS.getOrDefault(code, ""), "sla." + code,
                        typed.getOrDefault("sla." + code, String.valueOf(minutes.get(code)))))
                .toList();
    }

    static String languageName(String code) {
        return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    }

    private static List<LanguageText> texts(String section, Map<String, String> texts, List<String> own,
            Map<String, String> typed) {
        return texts.entrySet().stream().map(entry -> {
            String field = section + "." + entry.getKey();
            return new LanguageText(entry.getKey(), languageName(entry.getKey()), field,
                    typed.getOrDefault(field, entry.getValue()), own.contains(entry.getKey()));
        }).toList();
    }

    private static String name(String code) {
        return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1).toLowerCase(Locale.ROOT);
    }

    private static int rank(String priority) {
        int rank = List.of("URGENT", "HIGH", "NORMAL").indexOf(priority);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
