package io.policyauth.apikey;

/**
 * The key store could not answer: unreachable, too slow or failing. Callers on the request path
 * turn it into a 503; the message is for logs and may name hosts, so never send it to a client.
 */
public class ApiKeyStoreException extends RuntimeException {

    /**
     * @param message what was attempted, for logs
     * @param cause the driver's failure
     */
    public ApiKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
