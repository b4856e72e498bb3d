package dev.baton.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The endpoints anyone may call without signing in (webhooks, the web chat) take JSON of a bounded size: a larger
 * declared body is answered 413 before a byte of it is read, a body that turns out larger while it is read (no
 * length declared) stops being read at the limit and is answered 413 too ({@link ProblemDetailsAdvice}), a form body
 * (which the server parses whole) is taken only when it declares a small length (WooCommerce pings with one), and
 * multipart bodies are answered 415. Each answer is a problem document naming the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicBodyLimitFilter extends OncePerRequestFilter {

    /** A form body is parsed whole by the server, so only small ones are let through. */
    static final long MAX_FORM_BODY = 64 * 1024;

    private final PublicBodyProperties properties;

    PublicBodyLimitFilter(PublicBodyProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limit(request) < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limit(request);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            problem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "This endpoint takes a JSON body, not " + type.split(";")[0] + ".");
            return;
        }
        long length = request.getContentLengthLong();
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) && (length < 0 || length > MAX_FORM_BODY)) {
            // Only a small, declared form body (WooCommerce's "webhook_id=N" ping): the server parses a form whole.
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                    "A form body here must declare its length and stay within " + MAX_FORM_BODY / 1024 + " KB.");
            return;
        }
        if (length > limit) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "Content too large", tooLarge(limit));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** The limit for this request's path, or -1 for a path that is not public. */
    private long limit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/webhooks/")) {
            return properties.maxWebhookBody().toBytes();
        }
        if (path.startsWith("/widget/api/")) {
            return properties.maxWidgetBody().toBytes();
        }
        return -1;
    }

    private static String tooLarge(long limit) {
        return "The request body is larger than this endpoint's limit of " + (limit >= 1024 * 1024
                ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB") + ".";
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }

    /** Reading stopped at the limit; {@link ProblemDetailsAdvice} answers it 413 with this message. */
    static final class BodyTooLarge extends IOException {

        BodyTooLarge(String message) {
            super(message);
        }
    }

    /** The request, whose body ends (with an error) once more than the limit has been read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(tooLarge(limit));
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
