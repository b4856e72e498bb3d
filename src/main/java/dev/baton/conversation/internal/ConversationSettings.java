package dev.baton.conversation.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account's conversation settings: whether the satisfaction survey is sent after a close (off by default), after
 * how many minutes without a message a conversation the agent serves is closed (0: never), and the survey's texts
 * in each language the agent speaks (the defaults unless the account changed them).
 */
public record ConversationSettings(boolean csatEnabled, int idleCloseAfterMinutes, Map<String, SurveyText> survey) {

    public static final int DEFAULT_IDLE_CLOSE_MINUTES = 1_440;

    public ConversationSettings {
        survey = Collections.unmodifiableMap(new LinkedHashMap<>(survey));
    }

    /** What a request changes: a null field keeps what is stored; a blank text goes back to the default. */
    public record Change(Boolean csatEnabled, Integer idleCloseAfterMinutes, Map<String, SurveyText> survey) {
    }
}
