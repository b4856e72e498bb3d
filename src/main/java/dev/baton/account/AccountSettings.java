package dev.baton.account;

import java.util.UUID;

/** An account's own settings, read by every module that formats or answers for it. */
public record AccountSettings(UUID accountId, String name, String currency, String defaultLanguage, String timeZone) {
}
