package dev.baton.account.internal;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code baton.team.*}.
 *
 * @param presenceWindow how recently the web UI must have seen an available user for them to count as online. At
 *                       least a minute: a user's visits are written at most every {@link TeamService#SEEN_EVERY},
 *                       so a shorter window would let a busy user flicker offline.
 */
@Validated
@ConfigurationProperties("baton.team")
record TeamProperties(@DefaultValue("PT2M") @NotNull @DurationMin(minutes = 1) Duration presenceWindow) {
}
