package dev.baton.handover.internal;

import dev.baton.handover.Decision.Evidence;
import dev.baton.handover.HandoverReason;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent must not handle: identity verification, account or address changes, card or payment details,
 * claims, data deletion. A run of 13 to 19 digits that passes the Luhn check is a card number, whatever the words.
 */
@Component
class SensitiveDataRule implements TriggerRule {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,18}");

    private final PhraseList phrases = PhraseList.load("sensitive_data");

    @Override
    public HandoverReason reason() {
        return HandoverReason.SENSITIVE_DATA;
    }

    @Override
    public List<Evidence> check(ConversationSoFar conversation, RuleSetting setting) {
        List<Evidence> evidence = new ArrayList<>();
        phrases.find(conversation.lastCustomerWords())
                .ifPresent(phrase -> evidence.add(new Evidence(reason(), "phrase", "matched " + phrase)));
        Matcher digits = DIGIT_RUN.matcher(conversation.lastCustomerText());
        while (digits.find()) {
            String number = digits.group().replaceAll("[ -]", "");
            if (luhn(number)) {
                evidence.add(new Evidence(reason(), "card number",
                        "a " + number.length() + "-digit number ending in " + number.substring(number.length() - 4)
                                + " passes the Luhn check"));
                break;
            }
        }
        return evidence;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
