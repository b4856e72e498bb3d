package dev.baton.shared;

/**
 * A failure a user can act on: it carries the HTTP status it maps to and a message written for people.
 */
public class BatonException extends RuntimeException {

    private final int status;
    private final String title;

    protected BatonException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static BatonException badRequest(String detail) {
        return new BatonException(400, "Bad request", detail);
    }

    /** Unknown id, or an id that belongs to another account: both answer the same, so nothing leaks. */
    public static BatonException notFound(String what, Object id) {
        return new BatonException(404, "Not found", what + " " + id + " does not exist.");
    }

    public static BatonException conflict(String detail) {
        return new BatonException(409, "Conflict", detail);
    }

    public static BatonException tooLarge(String detail) {
        return new BatonException(413, "Content too large", detail);
    }

    public static BatonException unsupportedMediaType(String detail) {
        return new BatonException(415, "Unsupported media type", detail);
    }

    public static BatonException unprocessable(String detail) {
        return new BatonException(422, "Unprocessable content", detail);
    }
}
