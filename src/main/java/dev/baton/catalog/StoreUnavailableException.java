package dev.baton.catalog;

/** The store could not be read (down, rate-limited past our patience, refusing the credentials...): says why. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
