package dev.baton.account;

/** What a user may do: owners and admins run the store's agent, managers work the inbox. */
public enum Role {
    OWNER, ADMIN, MANAGER
}
