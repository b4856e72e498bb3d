package dev.baton.handover.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the Handover settings page says after a section is saved, in the words the page uses. */
final class SavedMessages {

    private SavedMessages() {
    }

    /** Which languages changed, and whether each is now the account's own text or back to the default. */
    static String texts(String what, Map<String, String> changed, List<String> own) {
        if (changed.isEmpty()) {
            return "Nothing changed in the " + what + ".";
        }
        List<String> customised = new ArrayList<>();
        List<String> standard = new ArrayList<>();
        changed.keySet().forEach(language -> (own.contains(language) ? customised : standard)
                .add(HandoverSettingsPage.languageName(language)));
        List<String> parts = new ArrayList<>();
        if (!customised.isEmpty()) {
            parts.add(String.join(", ", customised) + " customised");
        }
        if (!standard.isEmpty()) {
            parts.add(String.join(", ", standard) + " back to the default");
        }
        return "Saved the " + what + ": " + String.join("; ", parts) + ".";
    }

    static String officeHours(Map<String, String> week) {
        if (week.isEmpty()) {
            return "Saved: no office hours, so the team counts as always there.";
        }
        int closed = HandoverSettingsPage.DAYS.size() - week.size();
        return "Saved the office hours: open " + week.size() + (week.size() == 1 ? " day" : " days") + " a week"
                + (closed == 0 ? "." : ", closed " + closed + ".");
    }

    static String sla(Map<String, Integer> minutes) {
        List<String> parts = new ArrayList<>();
        for (String priority : List.of("URGENT", "HIGH", "NORMAL")) {
            if (minutes.containsKey(priority)) {
                parts.add(priority.toLowerCase(Locale.ROOT) + " " + minutes.get(priority) + " min");
            }
        }
        return "Saved the reply times: " + String.join(", ", parts) + ".";
    }
}
