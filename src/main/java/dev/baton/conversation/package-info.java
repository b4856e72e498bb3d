/**
 * Conversations: contacts and their identities across channels, one open conversation per contact and channel,
 * the transcript, the lifecycle (the team answers, AI active, handed over, agent stopped, closed), and answering
 * incoming messages one at a time, in arrival order, on any number of nodes. After a close: the optional
 * satisfaction survey; conversations the agent serves close by themselves once they go quiet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package dev.baton.conversation;
