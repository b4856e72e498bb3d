package dev.baton.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What conversations need from the pipelines: a contact's lead, and whether the agent may start for it. */
public interface Leads {

    /**
     * The contact's lead that is still open (not in a won or lost stage), or a new one in the first stage of the
     * account's first pipeline (created with its default stages if the account has none).
     */
    Lead openLeadFor(UUID accountId, UUID contactId, String contactName);

    Optional<Lead> find(UUID accountId, UUID leadId);

    /** A stage of the account's pipelines. */
    Optional<Stage> stage(UUID accountId, UUID stageId);

    /** The account's pipelines in order, each with its stages; the default one is created if it has none. */
    List<PipelineStages> pipelines(UUID accountId);

    /** Whether the lead's current stage has the AI agent trigger. */
    boolean agentTriggered(UUID accountId, UUID leadId);

    /** How long after a conversation closes the agent waits before it starts in the contact's next one. */
    Duration cooldown(UUID accountId);

    /** Moves the lead to a stage of any of the account's pipelines (publishes {@link LeadStageChanged}). */
    Lead moveTo(UUID accountId, UUID leadId, UUID stageId);

    /** Makes a user of the account the manager responsible for the lead. */
    void assign(UUID accountId, UUID leadId, UUID userId);

    /** Adds a note to the lead (a handover summary, a manager's remark); {@code author} is who wrote it. */
    void addNote(UUID accountId, UUID leadId, String author, String text);

    /** The lead's notes, newest first. */
    List<LeadNote> notes(UUID accountId, UUID leadId);
}
