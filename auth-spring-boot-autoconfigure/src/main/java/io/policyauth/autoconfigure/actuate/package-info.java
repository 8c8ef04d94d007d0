/** Auto-configuration of {@code policyauth} Actuator endpoint. */
@NullMarked
package io.policyauth.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
