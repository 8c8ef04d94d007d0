/** Spring Boot auto-configuration and {@code policy-auth.*} properties. */
package io.policyauth.autoconfigure;
