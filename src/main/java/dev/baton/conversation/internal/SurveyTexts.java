package dev.baton.conversation.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The survey's default texts in the agent's six languages, from {@code knowledge/conversation/survey/<code>.properties}. */
@Component
class SurveyTexts {

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "ru", "id", "pl");

    private final Map<String, SurveyText> defaults = new LinkedHashMap<>();

    SurveyTexts() {
        for (String language : LANGUAGES) {
            Properties properties = new Properties();
            ClassPathResource file = new ClassPathResource("knowledge/conversation/survey/" + language + ".properties");
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the survey texts for " + language, e);
            }
            defaults.put(language, new SurveyText(properties.getProperty("question"), properties.getProperty("thanks")));
        }
    }

    Map<String, SurveyText> defaults() {
        return defaults;
    }

    /** The account's texts where it changed them, the defaults elsewhere, in the languages' order. */
    Map<String, SurveyText> merged(Map<String, SurveyText> changed) {
        Map<String, SurveyText> merged = new LinkedHashMap<>();
        defaults.forEach((language, text) -> {
            SurveyText own = changed.get(language);
            merged.put(language, new SurveyText(
                    own == null || blank(own.question()) ? text.question() : own.question(),
                    own == null || blank(own.thanks()) ? text.thanks() : own.thanks()));
        });
        return merged;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
