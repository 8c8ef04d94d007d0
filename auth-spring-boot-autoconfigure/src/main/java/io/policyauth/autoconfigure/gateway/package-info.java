/**
 * Auto-configuration of gateway mode ({@code policy-auth.gateway.*}).
 */
@NullMarked
package io.policyauth.autoconfigure.gateway;

import org.jspecify.annotations.NullMarked;
