package dev.baton.pipeline;

/** A stage where work goes on, or one that closes the lead as won or lost. */
public enum StageKind {
    OPEN, WON, LOST
}
