package dev.baton.handover.web;

import dev.baton.handover.HandoverReason;
import dev.baton.handover.internal.HandoverSettings.RuleChange;
import dev.baton.handover.internal.RuleBook;
import dev.baton.handover.internal.RuleSetting;
import dev.baton.shared.BatonException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a section of the Handover settings page posted, as the change the settings services take. Only what a form
 * field cannot say on its own is checked here (a number that is no number); the services check the rest, with the
 * same messages the API gives.
 */
final class SettingsForm {

    private SettingsForm() {
    }

    /**
     * The texts of a section ({@code transition} or {@code offline}) that differ from the stored ones, and the
     * language to reset ({@code reset}, may be null) as blank, which the service takes back to the default.
     */
    static Map<String, String> changedTexts(String section, Map<String, String> form, Map<String, String> stored,
            String reset) {
        Map<String, String> changed = new LinkedHashMap<>();
        stored.forEach((language, text) -> {
            String typed = form.get(section + "." + language);
            // Browsers send a textarea's line breaks as CRLF; the texts are stored with LF.
            String value = typed == null ? null : typed.replace("\r\n", "\n").strip();
            if (value != null && !value.equals(text)) {
                changed.put(language, value);
            }
        });
        if (reset != null && !reset.isBlank()) {
            changed.put(reset.strip(), "");
        }
        return changed;
    }

    /** The whole week as typed: an empty day is closed, an empty week always open. */
    static Map<String, String> officeHours(Map<String, String> form) {
        Map<String, String> week = new LinkedHashMap<>();
        for (String day : HandoverSettingsPage.DAYS) {
            String hours = form.getOrDefault("hours." + day, "").strip();
            if (!hours.isEmpty()) {
                week.put(day, hours);
            }
        }
        return week;
    }

    /** Null when "Don't move" is chosen. */
    static UUID stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(stage.strip());
        } catch (IllegalArgumentException e) {
            throw BatonException.badRequest("Choose one of the stages in the list, or \"Don't move\".");
        }
    }

    static Map<String, Integer> slaMinutes(Map<String, String> form, Iterable<String> priorities) {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        for (String priority : priorities) {
            String typed = form.getOrDefault("sla." + priority, "").strip();
            try {
                minutes.put(priority, Integer.valueOf(typed));
            } catch (NumberFormatException e) {
                throw BatonException.badRequest("slaMinutes." + priority + " must be a whole number of minutes, from 1 "
                        + "to 10080 (a week)" + (typed.isEmpty() ? "." : "; '" + typed + "' is not."));
            }
        }
        return minutes;
    }

    /** Every rule's switch (a checkbox: absent is off) and thresholds, as one change applied whole or not at all. */
    static List<RuleChange> rules(Map<String, String> form, RuleBook current) {
        List<RuleChange> changes = new ArrayList<>();
        for (RuleSetting rule : current.inOrder()) {
            HandoverReason reason = rule.reason();
            Map<String, Object> thresholds = new LinkedHashMap<>();
            rule.thresholds().forEach((key, value) -> {
                String field = TriggerRow.field(reason, key);
                String typed = form.get(field);
                if (typed != null) {
                    thresholds.put(key, value instanceof List<?> ? tags(typed) : number(field, typed.strip()));
                }
            });
            changes.add(new RuleChange(reason, form.containsKey(TriggerRow.enabledField(reason)), thresholds));
        }
        return changes;
    }

    private static List<String> tags(String typed) {
        return Arrays.stream(typed.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    private static Number number(String field, String typed) {
        boolean whole = TriggerRow.whole(field);
        try {
            BigDecimal number = new BigDecimal(typed);
            if (number.signum() >= 0 && whole) {
                return number.intValueExact();
            }
            if (number.signum() >= 0) {
                return number;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // refused below, with what was typed
        }
        throw BatonException.badRequest(field + " must be a" + (whole ? " whole" : "") + " number of 0 or more"
                + (typed.isEmpty() ? "." : "; '" + typed + "' is not."));
    }
}
