package dev.baton.handover.internal;

import java.util.Map;
import java.util.UUID;

/**
 * An account's handover settings: its own transition and "nobody is here now" texts per language (only the ones it
 * changed), office hours, whether managers get a summary, the stage a handed-over lead moves to (null: it stays),
 * minutes to a person's first reply per priority, and the group VIP contacts go to.
 */
record HandoverPreferences(Map<String, String> transitionMessages, Map<String, String> offlineMessages,
        OfficeHours officeHours, boolean summaryEnabled, UUID moveToStageId, Map<String, Integer> slaMinutes,
        String vipGroup) {

    static final Map<String, Integer> DEFAULT_SLA = Map.of("URGENT", 15, "HIGH", 60, "NORMAL", 240);

    HandoverPreferences {
        transitionMessages = Map.copyOf(transitionMessages);
        offlineMessages = Map.copyOf(offlineMessages);
        slaMinutes = Map.copyOf(slaMinutes);
    }

    static HandoverPreferences defaults() {
        return new HandoverPreferences(Map.of(), Map.of(), OfficeHours.always(), true, null, DEFAULT_SLA, "VIP");
    }

    String transition(String language) {
        String own = transitionMessages.get(TransitionTexts.language(language));
        return own != null ? own : TransitionTexts.transition(language);
    }

    String offline(String language) {
        String own = offlineMessages.get(TransitionTexts.language(language));
        return own != null ? own : TransitionTexts.offline(language);
    }

    int slaMinutes(String priority) {
        return slaMinutes.getOrDefault(priority, DEFAULT_SLA.get(priority));
    }
}
