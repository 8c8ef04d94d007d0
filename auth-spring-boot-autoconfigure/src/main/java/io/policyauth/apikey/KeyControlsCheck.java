package io.policyauth.apikey;

/**
 * Checks a key's controls before they are stored: that the limits and plan it names are configured
 * and its address ranges parse. The application's configuration knows those; this mechanism does not.
 */
@FunctionalInterface
public interface KeyControlsCheck {

    /** Accepts any controls. */
    KeyControlsCheck NONE = controls -> {
    };

    /**
     * @param controls the controls to store
     * @throws IllegalArgumentException naming what is wrong with them
     */
    void check(KeyControls controls);
}
