/**
 * What every module shares: the domain exceptions that the HTTP layer turns into RFC 9457 problem details, the box
 * that encrypts secrets at rest, and store HTML to readable text. Kept tiny on purpose; a type belongs here only when
 * several modules throw or read it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.baton.shared;
