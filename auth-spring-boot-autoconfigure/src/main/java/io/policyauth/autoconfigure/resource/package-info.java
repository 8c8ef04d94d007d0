/** Resource-level authorization's auto-configuration and properties ({@code policy-auth.resources}). */
@NullMarked
package io.policyauth.autoconfigure.resource;

import org.jspecify.annotations.NullMarked;
