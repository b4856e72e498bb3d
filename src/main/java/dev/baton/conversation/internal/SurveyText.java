package dev.baton.conversation.internal;

/** The satisfaction survey in one language: the question sent after a close, and the answer to a rating. */
public record SurveyText(String question, String thanks) {
}
