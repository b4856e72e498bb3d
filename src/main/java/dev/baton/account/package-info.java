/**
 * Accounts are tenants: one CRM account each, with its users (owners, admins, managers), API keys and settings.
 * Other modules ask {@link dev.baton.account.CurrentAccount} whose request they serve and scope every query to it,
 * and {@link dev.baton.account.Team} who may take a handed-over conversation (groups, allowed stages, presence).
 */
package dev.baton.account;
