package dev.baton.handover.internal;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The default transition texts per language, from {@code knowledge/handover/messages/<language>.properties}:
 * {@code transition} (a person takes over now) and {@code offline} (nobody is here now; {@code {when}} says when a
 * person will reply).
 */
final class TransitionTexts {

    static final List<String> LANGUAGES = List.of("en", "es", "pt", "ru", "id", "pl");
    private static final Map<String, Properties> TEXTS = load();

    private TransitionTexts() {
    }

    static String transition(String language) {
        return text(language, "transition");
    }

    static String offline(String language) {
        return text(language, "offline");
    }

    static String language(String language) {
        return language != null && TEXTS.containsKey(language) ? language : "en";
    }

    private static String text(String language, String key) {
        return TEXTS.get(language(language)).getProperty(key);
    }

    private static Map<String, Properties> load() {
        Map<String, Properties> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            ClassPathResource file = new ClassPathResource("knowledge/handover/messages/" + language + ".properties");
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                texts.put(language, properties);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.getPath(), e);
            }
        }
        return texts;
    }
}
