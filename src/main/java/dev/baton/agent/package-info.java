/**
 * The sales agent: answers shoppers from the account's knowledge and store tools, in their language, with an
 * offline responder when no chat model is configured; and the playground where admins try it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent")
package dev.baton.agent;
