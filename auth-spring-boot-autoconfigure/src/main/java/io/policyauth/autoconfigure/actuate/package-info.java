/** Auto-configuration of {@code policyauth} Actuator endpoint. */
package io.policyauth.autoconfigure.actuate;
