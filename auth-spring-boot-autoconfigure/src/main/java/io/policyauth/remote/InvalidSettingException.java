package io.policyauth.remote;

/**
 * A remote policy setting that cannot be used, named as its property is ({@code endpoint},
 * {@code forward-headers[1]}), so that configuration can say which property to fix.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    /**
     * @param setting the setting's property name, relative to the policy
     * @param reason why it cannot be used; never quotes a credential
     */
    public InvalidSettingException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
    }

    /**
     * @return the setting's property name, relative to the policy
     */
    public String setting() {
        return setting;
    }
}
