package dev.baton.conversation.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RatingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5|5", " 4 |4", "1|1", "5/5|5", "3 / 5|3", "⭐5|5", "5 ⭐|5", "★★ 2|2", "4*|4",
            "5️⃣|5", "3.|3", "5!|5"})
    void aDigitFromOneToFiveIsARating(String text, int score) {
        assertThat(Rating.parse(text)).hasValue(score);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "6", "55", "10", "1-5", "5 stars please", "hi", "order 5", "5 pairs", "4/10", "-3",
            "⭐⭐⭐⭐⭐"})
    void anythingElseIsNot(String text) {
        assertThat(Rating.parse(text)).isEmpty();
    }
}
