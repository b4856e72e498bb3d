package dev.baton.account.internal;

import dev.baton.account.Role;
import dev.baton.shared.BatonException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Checks what people type about a user, with messages that say what to change. Never echoes a password. */
final class UserInput {

    static final int MIN_PASSWORD = 8;
    /** bcrypt reads no further, and Spring Security refuses longer passwords rather than ignore the rest. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_GROUPS = 20;
    static final int MAX_GROUP_NAME = 40;
    static final int MAX_STAGES = 200;

    private UserInput() {
    }

    static String username(String username) {
        String value = username == null ? "" : username.strip();
        if (value.isEmpty()) {
            throw BatonException.badRequest("A username is required.");
        }
        if (value.length() > 100) {
            throw BatonException.badRequest("A username is at most 100 characters.");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw BatonException.badRequest("A username has no spaces; '" + value + "' does.");
        }
        return value;
    }

    static String password(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw BatonException.badRequest("The password needs at least " + MIN_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw BatonException.badRequest("The password is at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 plain letters and digits; fewer with accents or emoji).");
        }
        return password;
    }

    /** Blank: none (the username is shown instead). */
    static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        String value = displayName.strip();
        if (value.length() > 200) {
            throw BatonException.badRequest("A display name is at most 200 characters.");
        }
        return value;
    }

    static Role role(String role) {
        String value = role == null ? "" : role.strip();
        return Arrays.stream(Role.values()).filter(known -> known.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> BatonException.badRequest("The role is OWNER, ADMIN or MANAGER; '" + value
                        + "' is not."));
    }

    /** Trimmed, each once (the first spelling wins when two differ only in case). */
    static Set<String> groups(List<String> groups) {
        if (groups == null) {
            return Set.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String group : groups) {
            String name = group == null ? "" : group.strip();
            if (name.isEmpty()) {
                throw BatonException.badRequest("A group name cannot be blank.");
            }
            if (name.contains(",")) {
                throw BatonException.badRequest("A group name has no commas; '" + name + "' does.");
            }
            if (name.length() > MAX_GROUP_NAME) {
                throw BatonException.badRequest("A group name is at most " + MAX_GROUP_NAME + " characters.");
            }
            byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        if (byKey.size() > MAX_GROUPS) {
            throw BatonException.badRequest("A user is in at most " + MAX_GROUPS + " groups.");
        }
        return new LinkedHashSet<>(byKey.values());
    }

    static Set<UUID> stageIds(List<UUID> stageIds) {
        if (stageIds == null) {
            return Set.of();
        }
        if (stageIds.stream().anyMatch(Objects::isNull)) {
            throw BatonException.badRequest("A stage id cannot be null.");
        }
        Set<UUID> unique = stageIds.stream().collect(Collectors.toCollection(LinkedHashSet::new));
        if (unique.size() > MAX_STAGES) {
            throw BatonException.badRequest("A user is allowed at most " + MAX_STAGES + " stages (none: every stage).");
        }
        return unique;
    }
}
