package dev.baton.agent.web;

import dev.baton.agent.web.ChatLine.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat links web addresses in a message and keeps the rest, line breaks and markup alike, as plain text. */
class ChatLineTests {

    @Test
    void aWebAddressBecomesALinkWithoutTheSentencesFullStop() {
        assertThat(ChatLine.parts("Returns:\nsee https://shop.example/returns?x=1. Thanks"))
                .containsExactly(new Part("Returns:\nsee ", false), new Part("https://shop.example/returns?x=1", true),
                        new Part(". Thanks", false));
    }

    @Test
    void textWithoutAddressesIsOnePlainPartMarkupIncluded() {
        assertThat(ChatLine.parts("<b>$139.00</b>\n13 in stock")).containsExactly(new Part("<b>$139.00</b>\n13 in stock", false));
        assertThat(ChatLine.parts("javascript:alert(1)")).containsExactly(new Part("javascript:alert(1)", false));
    }
}
