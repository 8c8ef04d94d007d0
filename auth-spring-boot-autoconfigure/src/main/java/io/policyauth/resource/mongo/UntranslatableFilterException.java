package io.policyauth.resource.mongo;

/**
 * A plan that cannot be written as a MongoDB query (an operator or an attribute it does not know):
 * the list it was meant for is refused rather than returned unfiltered.
 */
public class UntranslatableFilterException extends RuntimeException {

    /**
     * @param message what cannot be translated
     */
    public UntranslatableFilterException(String message) {
        super(message);
    }
}
