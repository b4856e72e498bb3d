package dev.baton.agent.internal;

import java.util.Locale;
import java.util.Optional;

/** The languages the agent speaks: it answers a shopper in one of these, else in the account's default language. */
public enum Language {
    EN("en", "English"), ES("es", "Spanish"), PT("pt", "Portuguese"), RU("ru", "Russian"), ID("id", "Indonesian"),
    PL("pl", "Polish");

    private final String code;
    private final String englishName;

    Language(String code, String englishName) {
        this.code = code;
        this.englishName = englishName;
    }

    /** ISO 639-1 code, as the API shows it ("en", "id"...). */
    public String code() {
        return code;
    }

    public String englishName() {
        return englishName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language with this ISO 639-1 code (any case), if the agent speaks it. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
