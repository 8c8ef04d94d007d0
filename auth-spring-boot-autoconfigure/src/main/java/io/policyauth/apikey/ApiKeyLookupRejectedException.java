package io.policyauth.apikey;

/**
 * A lookup was not made because as many are already waiting on the store as are allowed: the
 * store is not asked, and the request gets 503 at once.
 */
public class ApiKeyLookupRejectedException extends ApiKeyStoreException {

    /**
     * @param limit the most concurrent lookups
     */
    public ApiKeyLookupRejectedException(int limit) {
        super("All " + limit + " concurrent API key lookups are in use", null);
    }
}
