/**
 * The managers' inbox: the conversations the agent handed over, each with its ticket (reasons, summary, SLA,
 * assignee, unread), the transcript, and what a person does with it (reply through the shopper's channel, take,
 * close, hand back to the agent). A manager sees the tickets assigned to them and the unassigned ones; owners and
 * admins see all. The page updates itself from a server-sent event stream.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox",
        allowedDependencies = { "account", "conversation", "handover", "shared" })
package dev.baton.inbox;
