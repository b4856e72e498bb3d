package dev.baton.handover;

/** Why the agent hands a conversation to a person; the codes are fixed (API, tickets, analytics). */
public enum HandoverReason {
    HUMAN_REQUESTED,
    NEGATIVE_EMOTION,
    OUT_OF_KNOWLEDGE,
    SPECIAL_POLICY,
    REPEATED_RESPONSE,
    TECHNICAL_ISSUE,
    DATA_NOT_FOUND,
    SENSITIVE_DATA,
    CHANNEL_SWITCH,
    VIP
}
