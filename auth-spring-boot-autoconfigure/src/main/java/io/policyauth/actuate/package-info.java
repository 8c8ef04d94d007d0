/** Spring Boot Actuator support: the {@code policyauth} endpoint, the application's policy map. */
@NullMarked
package io.policyauth.actuate;

import org.jspecify.annotations.NullMarked;
