package dev.baton.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/** 401 as RFC 9457 problem details, saying how to authenticate. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean keySent = request.getHeader("Authorization") != null;
        String detail = keySent
                ? "The API key is not valid. Send a key of this account as 'Authorization: Bearer <key>'."
                : "This API needs an API key: send it as 'Authorization: Bearer <key>'.";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Unauthorized","status":401,"detail":"%s","instance":"%s"}"""
                .formatted(detail, request.getRequestURI().replace("\"", "")));
    }
}
