package dev.baton.channel.web;

import dev.baton.channel.Channel;
import dev.baton.channel.internal.WebChatService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the chat widget ({@code /widget/baton-chat.js}) calls from the store's pages: no login, the public widget key
 * in the path. Any origin may call it, without cookies or credentials, since the store runs on its own domain.
 */
@RestController
@RequestMapping("/widget/api/{publicKey}")
@CrossOrigin(origins = "*", allowCredentials = "false", maxAge = 3600)
class WebChatController {

    static final int TRANSCRIPT_PAGE = 200;

    private final WebChatService webChat;
    private final TranscriptStreams streams;

    WebChatController(WebChatService webChat, TranscriptStreams streams) {
        this.webChat = webChat;
        this.streams = streams;
    }

    /** A visitor's message: stored, answered in the background; the answer shows up in the transcript. */
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> send(@PathVariable String publicKey,
            @RequestBody(required = false) WebChatService.VisitorMessage message) {
        WebChatService.Sent sent = webChat.receive(publicKey, message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("conversationId", sent.conversationId());
        answer.put("messageId", sent.messageId());
        answer.put("agentEnabled", sent.agentEnabled());
        return answer;
    }

    /** The visitor's transcript after the line {@code after}, oldest first, at most 200 lines. */
    @GetMapping("/messages")
    List<WebChatLine> transcript(@PathVariable String publicKey, @RequestParam(required = false) String visitorId,
            @RequestParam(required = false) String after) {
        Channel channel = webChat.channel(publicKey);
        return webChat.transcript(channel, WebChatService.visitorId(visitorId), WebChatService.after(after),
                TRANSCRIPT_PAGE).stream().map(WebChatLine::of).toList();
    }

    /** New lines as server-sent events (id = seq, data = the line as JSON); ends after a while, to be reopened. */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String publicKey, @RequestParam(required = false) String visitorId,
            @RequestParam(required = false) String after, HttpServletResponse response) throws IOException {
        Channel channel = webChat.channel(publicKey);
        String visitor = WebChatService.visitorId(visitorId);
        long from = WebChatService.after(after);
        // nginx and similar proxies would otherwise hold the events back until the stream ends
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(channel, visitor, from);
    }
}
