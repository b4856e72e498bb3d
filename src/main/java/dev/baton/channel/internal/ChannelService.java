package dev.baton.channel.internal;

import dev.baton.shared.OutboundAddresses;
import dev.baton.shared.OutboundProperties;
import dev.baton.account.AccountCreated;
import dev.baton.channel.Channel;
import dev.baton.channel.ChannelKind;
import dev.baton.channel.Channels;
import dev.baton.shared.BatonException;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The channels of an account. Every account has a web chat (created with the account, or when first asked for);
 * an account with the demo store also gets the REST channel {@code demo}, selected for the agent, so the demo
 * answers with nothing configured.
 */
@Service
public class ChannelService implements Channels {

    public static final String WEB_CHAT_SLUG = "web-chat";
    public static final String DEMO_SLUG = "demo";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChannelRepository channels;
    private final OutboundProperties outbound;

    ChannelService(ChannelRepository channels, OutboundProperties outbound) {
        this.channels = channels;
        this.outbound = outbound;
    }

    /** What a new channel is made of; the fields a kind does not use are ignored. */
    public record NewChannel(String slug, ChannelKind kind, String name, boolean agentEnabled, String callbackUrl,
            String phoneNumberId, String accessToken, String appSecret, String verifyToken) {
    }

    /** Created with the account, in its transaction: the account never exists without its channels. */
    @EventListener
    void on(AccountCreated event) {
        webChat(event.accountId(), event.withDemoStore());
        if (event.withDemoStore() && channels.findBySlug(event.accountId(), DEMO_SLUG).isEmpty()) {
            create(event.accountId(), new NewChannel(DEMO_SLUG, ChannelKind.REST, "Demo (REST)", true, null, null, null,
                    null, null));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Channel> list(UUID accountId) {
        return channels.list(accountId).stream().map(ChannelRepository.StoredChannel::channel).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Channel get(UUID accountId, UUID channelId) {
        return channels.find(accountId, channelId).map(ChannelRepository.StoredChannel::channel)
                .orElseThrow(() -> BatonException.notFound("Channel", channelId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Channel> findBySlug(UUID accountId, String slug) {
        return channels.findBySlug(accountId, slug).map(ChannelRepository.StoredChannel::channel);
    }

    @Override
    @Transactional
    public void setAgentEnabled(UUID accountId, UUID channelId, boolean enabled) {
        if (!channels.setAgentEnabled(accountId, channelId, enabled)) {
            throw BatonException.notFound("Channel", channelId);
        }
    }

    @Override
    @Transactional
    public Channel webChat(UUID accountId) {
        return webChat(accountId, false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> callbackUrl(UUID accountId, UUID channelId) {
        return channels.find(accountId, channelId).filter(stored -> stored.channel().kind() == ChannelKind.REST)
                .map(stored -> stored.config("callbackUrl"));
    }

    private Channel webChat(UUID accountId, boolean agentEnabled) {
        return channels.findBySlug(accountId, WEB_CHAT_SLUG).map(ChannelRepository.StoredChannel::channel)
                .orElseGet(() -> create(accountId, new NewChannel(WEB_CHAT_SLUG, ChannelKind.WEB_CHAT, "Web chat",
                        agentEnabled, null, null, null, null, null)).channel());
    }

    /** A new channel; a REST channel gets its callback signing secret, returned here and readable by admins. */
    @Transactional
    public ChannelRepository.StoredChannel create(UUID accountId, NewChannel request) {
        if (request.kind() == null) {
            throw BatonException.badRequest("Say which kind of channel this is: 'kind' is one of WEB_CHAT, WHATSAPP, REST.");
        }
        String slug = request.slug() == null ? "" : request.slug().strip();
        if (!SLUG.matcher(slug).matches()) {
            throw BatonException.badRequest("The channel id '" + slug + "' is not valid: use 1 to 60 lower-case letters,"
                    + " digits and dashes, starting with a letter or digit.");
        }
        String name = request.name() == null || request.name().isBlank() ? slug : request.name().strip();
        Map<String, String> config = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        String publicKey = null;
        switch (request.kind()) {
            case WEB_CHAT -> publicKey = "pk_" + randomHex(16);
            case REST -> {
                if (request.callbackUrl() != null && !request.callbackUrl().isBlank()) {
                    config.put("callbackUrl", validUrl(request.callbackUrl().strip()));
                }
                secrets.put("callbackSecret", randomHex(32));
            }
            case WHATSAPP -> {
                config.put("phoneNumberId", required(request.phoneNumberId(), "phoneNumberId",
                        "the WhatsApp phone number id from Meta's app dashboard"));
                secrets.put("accessToken", required(request.accessToken(), "accessToken", "the Cloud API access token"));
                secrets.put("appSecret", required(request.appSecret(), "appSecret", "the Meta app's secret"));
                secrets.put("verifyToken", request.verifyToken() == null || request.verifyToken().isBlank()
                        ? randomHex(16) : request.verifyToken().strip());
            }
        }
        UUID id = UUID.randomUUID();
        try {
            channels.insert(id, accountId, slug, request.kind(), name, request.agentEnabled(), publicKey, config, secrets);
        } catch (DuplicateKeyException e) {
            throw BatonException.conflict("The account already has a channel '" + slug + "'.");
        }
        return channels.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ChannelRepository.StoredChannel stored(UUID accountId, String slug) {
        return channels.findBySlug(accountId, slug).orElseThrow(() -> BatonException.notFound("Channel", slug));
    }

    /** Changes a REST channel's callback URL (blank: replies are only read through the API). */
    @Transactional
    public ChannelRepository.StoredChannel updateCallback(UUID accountId, String slug, String callbackUrl) {
        ChannelRepository.StoredChannel stored = stored(accountId, slug);
        if (stored.channel().kind() != ChannelKind.REST) {
            throw BatonException.badRequest("Only a REST channel has a callback URL; '" + slug + "' is "
                    + stored.channel().kind() + ".");
        }
        Map<String, String> config = new LinkedHashMap<>(stored.config());
        if (callbackUrl == null || callbackUrl.isBlank()) {
            config.remove("callbackUrl");
        } else {
            config.put("callbackUrl", validUrl(callbackUrl.strip()));
        }
        channels.update(accountId, stored.channel().id(), stored.channel().name(), config, stored.secrets());
        return channels.find(accountId, stored.channel().id()).orElseThrow();
    }

    @Transactional
    public void delete(UUID accountId, String slug) {
        ChannelRepository.StoredChannel stored = stored(accountId, slug);
        channels.delete(accountId, stored.channel().id());
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw BatonException.badRequest("A WhatsApp channel needs '" + field + "': " + what + ".");
        }
        return value.strip();
    }

    private String validUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw BatonException.badRequest("The callback URL '" + url + "' is not an http(s) address without credentials.");
        }
        if (!outbound.allowPrivateHosts()) {
            OutboundAddresses.privateAddressOf(uri).ifPresent(address -> {
                throw BatonException.badRequest("The callback URL's host " + uri.getHost() + " is a private or local "
                        + "address (" + address.getHostAddress() + "); Baton calls only addresses on the internet.");
            });
        }
        return uri.toString();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
