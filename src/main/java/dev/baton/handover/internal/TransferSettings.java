package dev.baton.handover.internal;

import dev.baton.pipeline.Leads;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the handover happens for an account, as its settings page and API show and change it: the transition texts
 * per language (each the account's own or the default), office hours, the summary switch, the stage a handed-over
 * lead moves to, SLA minutes per priority and the VIP group.
 */
@Service
public class TransferSettings {

    static final int MAX_TEXT = 1_000;
    static final int MAX_SLA_MINUTES = 10_080;

    private final HandoverPreferencesRepository repository;
    private final Leads leads;

    TransferSettings(HandoverPreferencesRepository repository, Leads leads) {
        this.repository = repository;
        this.leads = leads;
    }

    /** Every language's text (own or default) and which languages the account changed. */
    public record View(Map<String, String> transitionMessages, Map<String, String> offlineMessages,
            List<String> ownTransitionMessages, List<String> ownOfflineMessages, Map<String, String> officeHours,
            boolean summaryEnabled, UUID moveToStageId, Map<String, Integer> slaMinutes, String vipGroup) {
    }

    /**
     * A change: every field may be null (kept). A text that is blank or the default goes back to the default;
     * {@code officeHours} replaces the week ({} = always open); {@code clearMoveToStage} stops moving leads.
     */
    public record Change(Map<String, String> transitionMessages, Map<String, String> offlineMessages,
            Map<String, String> officeHours, Boolean summaryEnabled, UUID moveToStageId, Boolean clearMoveToStage,
            Map<String, Integer> slaMinutes, String vipGroup) {
    }

    @Transactional(readOnly = true)
    public View view(UUID accountId) {
        return view(repository.find(accountId).orElse(HandoverPreferences.defaults()));
    }

    @Transactional
    public View change(UUID accountId, Change change) {
        HandoverPreferences current = repository.find(accountId).orElse(HandoverPreferences.defaults());
        Map<String, String> transition = texts("transitionMessages", current.transitionMessages(),
                change.transitionMessages(), true);
        Map<String, String> offline = texts("offlineMessages", current.offlineMessages(), change.offlineMessages(), false);
        OfficeHours hours = change.officeHours() == null ? current.officeHours() : OfficeHours.parse(change.officeHours());
        UUID stage = current.moveToStageId();
        if (Boolean.TRUE.equals(change.clearMoveToStage())) {
            stage = null;
        } else if (change.moveToStageId() != null) {
            stage = leads.stage(accountId, change.moveToStageId()).orElseThrow(() -> BatonException.badRequest(
                    "moveToStageId: " + change.moveToStageId() + " is not a stage of this account's pipelines.")).id();
        }
        Map<String, Integer> sla = new LinkedHashMap<>(current.slaMinutes());
        if (change.slaMinutes() != null) {
            for (Map.Entry<String, Integer> entry : change.slaMinutes().entrySet()) {
                if (!HandoverPreferences.DEFAULT_SLA.containsKey(entry.getKey())) {
                    throw BatonException.badRequest("slaMinutes: '" + entry.getKey()
                            + "' is not a priority; use URGENT, HIGH or NORMAL.");
                }
                if (entry.getValue() == null || entry.getValue() < 1 || entry.getValue() > MAX_SLA_MINUTES) {
                    throw BatonException.badRequest("slaMinutes." + entry.getKey() + " must be from 1 to "
                            + MAX_SLA_MINUTES + " minutes (a week).");
                }
                sla.put(entry.getKey(), entry.getValue());
            }
        }
        String vip = current.vipGroup();
        if (change.vipGroup() != null) {
            vip = change.vipGroup().strip();
            if (vip.isEmpty() || vip.length() > 100) {
                throw BatonException.badRequest("vipGroup must be a group name of 1 to 100 characters.");
            }
        }
        HandoverPreferences next = new HandoverPreferences(transition, offline, hours,
                change.summaryEnabled() == null ? current.summaryEnabled() : change.summaryEnabled(), stage, sla, vip);
        repository.save(accountId, next);
        return view(next);
    }

    private static Map<String, String> texts(String field, Map<String, String> current, Map<String, String> changes,
            boolean transition) {
        Map<String, String> texts = new LinkedHashMap<>(current);
        if (changes == null) {
            return texts;
        }
        for (Map.Entry<String, String> entry : changes.entrySet()) {
            String language = entry.getKey();
            if (!TransitionTexts.LANGUAGES.contains(language)) {
                throw BatonException.badRequest(field + ": '" + language + "' is not a supported language; use one of "
                        + String.join(", ", TransitionTexts.LANGUAGES) + ".");
            }
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            if (text.length() > MAX_TEXT) {
                throw BatonException.badRequest(field + "." + language + " has " + text.length()
                        + " characters; the limit is " + MAX_TEXT + ".");
            }
            String standard = transition ? TransitionTexts.transition(language) : TransitionTexts.offline(language);
            if (text.isEmpty() || text.equals(standard)) {
                texts.remove(language);
            } else {
                texts.put(language, text);
            }
        }
        return texts;
    }

    private static View view(HandoverPreferences preferences) {
        Map<String, String> transition = new LinkedHashMap<>();
        Map<String, String> offline = new LinkedHashMap<>();
        for (String language : TransitionTexts.LANGUAGES) {
            transition.put(language, preferences.transition(language));
            offline.put(language, preferences.offline(language));
        }
        return new View(transition, offline, TransitionTexts.LANGUAGES.stream()
                .filter(preferences.transitionMessages()::containsKey).toList(),
                TransitionTexts.LANGUAGES.stream().filter(preferences.offlineMessages()::containsKey).toList(),
                preferences.officeHours().spec(), preferences.summaryEnabled(), preferences.moveToStageId(),
                new LinkedHashMap<>(new java.util.TreeMap<>(preferences.slaMinutes())), preferences.vipGroup());
    }
}
