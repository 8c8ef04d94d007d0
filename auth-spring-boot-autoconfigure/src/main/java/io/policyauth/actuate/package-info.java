/** Spring Boot Actuator support: the {@code policyauth} endpoint, the application's policy map. */
package io.policyauth.actuate;
