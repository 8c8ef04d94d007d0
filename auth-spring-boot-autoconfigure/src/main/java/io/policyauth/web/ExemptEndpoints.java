package io.policyauth.web;

/**
 * The endpoints that are never checked: by default only the error controller at the error path,
 * so that an error page can always be rendered. Any other method of an error controller, and any
 * handler an error page points at, is decided like every other request.
 */
@FunctionalInterface
public interface ExemptEndpoints {

    /** Exempts nothing. */
    ExemptEndpoints NONE = (handlerType, path) -> false;

    /**
     * @param handlerType the handler's bean type
     * @param path the request path within the application as matched, or a mapping pattern
     * @return whether requests to this handler at this path are not checked
     */
    boolean isExempt(Class<?> handlerType, String path);

    /**
     * @param other more exempt endpoints
     * @return endpoints exempt here or there
     */
    default ExemptEndpoints or(ExemptEndpoints other) {
        return (handlerType, path) -> isExempt(handlerType, path) || other.isExempt(handlerType, path);
    }
}
