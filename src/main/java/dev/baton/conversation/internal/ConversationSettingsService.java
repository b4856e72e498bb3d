package dev.baton.conversation.internal;

import dev.baton.conversation.internal.ConversationSettingsRepository.Stored;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reads and changes an account's conversation settings (the satisfaction survey, the idle close). */
@Service
public class ConversationSettingsService {

    /** A year: longer than any conversation should wait to be closed. */
    static final int MAX_IDLE_CLOSE_MINUTES = 525_600;
    static final int MAX_TEXT = 500;

    private final ConversationSettingsRepository settings;
    private final SurveyTexts texts;

    ConversationSettingsService(ConversationSettingsRepository settings, SurveyTexts texts) {
        this.settings = settings;
        this.texts = texts;
    }

    @Transactional(readOnly = true)
    public ConversationSettings get(UUID accountId) {
        return settings.find(accountId)
                .map(stored -> new ConversationSettings(stored.csatEnabled(), stored.idleCloseAfterMinutes(),
                        texts.merged(stored.changedTexts())))
                .orElseGet(() -> new ConversationSettings(false, ConversationSettings.DEFAULT_IDLE_CLOSE_MINUTES,
                        texts.defaults()));
    }

    @Transactional
    public ConversationSettings update(UUID accountId, ConversationSettings.Change change) {
        validate(change);
        Stored stored = settings.lock(accountId);
        Map<String, SurveyText> changedTexts = new LinkedHashMap<>(stored.changedTexts());
        if (change.survey() != null) {
            change.survey().forEach((language, text) -> {
                if (text == null || (SurveyTexts.blank(text.question()) && SurveyTexts.blank(text.thanks()))) {
                    changedTexts.remove(language);
                } else {
                    changedTexts.put(language, new SurveyText(strip(text.question()), strip(text.thanks())));
                }
            });
        }
        settings.save(accountId, new Stored(
                change.csatEnabled() == null ? stored.csatEnabled() : change.csatEnabled(),
                change.idleCloseAfterMinutes() == null ? stored.idleCloseAfterMinutes() : change.idleCloseAfterMinutes(),
                changedTexts));
        return get(accountId);
    }

    /** The survey in the language, or in English when the agent does not speak it. */
    SurveyText survey(UUID accountId, String language) {
        Map<String, SurveyText> survey = get(accountId).survey();
        return survey.getOrDefault(language, survey.get("en"));
    }

    private static void validate(ConversationSettings.Change change) {
        Integer idle = change.idleCloseAfterMinutes();
        if (idle != null && (idle < 0 || idle > MAX_IDLE_CLOSE_MINUTES)) {
            throw BatonException.badRequest("'idleCloseAfterMinutes' must be between 0 (never) and "
                    + MAX_IDLE_CLOSE_MINUTES + ".");
        }
        if (change.survey() == null) {
            return;
        }
        change.survey().forEach((language, text) -> {
            if (!SurveyTexts.LANGUAGES.contains(language)) {
                throw BatonException.badRequest("The survey's languages are " + String.join(", ", SurveyTexts.LANGUAGES)
                        + "; not '" + language + "'.");
            }
            if (text != null && (length(text.question()) > MAX_TEXT || length(text.thanks()) > MAX_TEXT)) {
                throw BatonException.badRequest("A survey text has at most " + MAX_TEXT + " characters.");
            }
        });
    }

    private static int length(String text) {
        return text == null ? 0 : text.strip().length();
    }

    private static String strip(String text) {
        return SurveyTexts.blank(text) ? null : text.strip();
    }
}
