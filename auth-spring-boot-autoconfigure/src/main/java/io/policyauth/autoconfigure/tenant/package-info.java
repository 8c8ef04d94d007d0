/** Tenancy's auto-configuration and properties ({@code policy-auth.tenancy}). */
@NullMarked
package io.policyauth.autoconfigure.tenant;

import org.jspecify.annotations.NullMarked;
