package dev.baton.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.outbound.*}: what Baton may call at addresses users and stores give it.
 *
 * @param allowPrivateHosts private, loopback and link-local addresses may be called (tests and local runs; never in
 *     production): see {@link OutboundAddresses}
 */
@ConfigurationProperties("baton.outbound")
public record OutboundProperties(@DefaultValue("false") boolean allowPrivateHosts) {
}
