package dev.baton.channel.internal;

import dev.baton.shared.BatonException;

/** The public widget endpoints refuse politely when one visitor writes too fast or a node has too many streams. */
public class WebChatLimitReached extends BatonException {

    private WebChatLimitReached(int status, String title, String detail) {
        super(status, title, detail);
    }

    static WebChatLimitReached tooManyMessages(int perMinute) {
        return new WebChatLimitReached(429, "Too many requests", "More than " + perMinute
                + " messages in a minute: wait a moment, then send it again.");
    }

    public static WebChatLimitReached tooManyStreams() {
        return new WebChatLimitReached(503, "Service unavailable",
                "Too many chats are open on this server right now: read new messages with GET .../messages instead.");
    }
}
