package dev.baton.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The account's people, for modules that assign work to them (handover) or show who did what (inbox). */
public interface Team {

    /** Every user of the account, oldest first. */
    List<TeamMember> members(UUID accountId);

    Optional<TeamMember> member(UUID accountId, UUID userId);

    /**
     * Users with role MANAGER who are available and were seen within the presence window
     * ({@code baton.team.presence-window}, default 2 minutes), oldest first.
     */
    List<TeamMember> onlineManagers(UUID accountId);

    /** The user is using Baton now (a page, the inbox's live stream): keeps them online. Cheap to call often. */
    void seen(UUID userId);
}
