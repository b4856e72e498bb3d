package dev.baton.agent.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's fixed texts in each language, from {@code knowledge/agent/texts/<code>.properties} (UTF-8), with
 * {@code {placeholders}} filled in. A text missing in a language falls back to English.
 */
@Component
class AgentTexts {

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    AgentTexts() {
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            ClassPathResource file = new ClassPathResource("knowledge/agent/texts/" + language.code() + ".properties");
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the agent's texts for " + language.englishName(), e);
            }
            texts.put(language, properties);
        }
    }

    /**
     * Every fixed text of the language, placeholders removed: the figures they carry ("for example #1001") are ours,
     * not facts the grounding check must find in a tool result.
     */
    String all(Language language) {
        StringBuilder all = new StringBuilder();
        texts.get(language).values().forEach(text -> all.append(String.valueOf(text).replaceAll("\\{[a-z_]+}", " ")).append('\n'));
        return all.toString();
    }

    String get(Language language, String key) {
        return get(language, key, Map.of());
    }

    String get(Language language, String key, Map<String, String> values) {
        String text = texts.get(language).getProperty(key, texts.get(Language.EN).getProperty(key));
        if (text == null) {
            throw new IllegalArgumentException("No agent text '" + key + "'");
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        return text;
    }
}
