package dev.baton.conversation.internal;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A shopper's answer to the satisfaction survey: one digit from 1 to 5, maybe with stars around it or "/5". */
final class Rating {

    private static final String DECORATION = "[\\s*.!★☆⭐\\uFE0F]*";
    private static final Pattern RATING = Pattern.compile(
            "^" + DECORATION + "([1-5])\\uFE0F?\\u20E3?\\s*(?:/\\s*5)?" + DECORATION + "$");

    private Rating() {
    }

    static OptionalInt parse(String text) {
        if (text == null || text.length() > 40) {
            return OptionalInt.empty();
        }
        Matcher matcher = RATING.matcher(text);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
