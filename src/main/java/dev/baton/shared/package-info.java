/**
 * What every module shares: the domain exceptions that the HTTP layer turns into RFC 9457 problem details, the box
 * that encrypts secrets at rest, store HTML to readable text, the product card an agent's answer carries through
 * the conversation to the channel, and the check of addresses Baton is asked to call. Kept tiny on purpose; a type belongs here only when
 * several modules throw or read it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.baton.shared;
