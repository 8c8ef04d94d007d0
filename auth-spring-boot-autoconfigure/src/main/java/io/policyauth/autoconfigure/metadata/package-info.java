/** Auto-configuration of the protected resource metadata (RFC 9728). */
@NullMarked
package io.policyauth.autoconfigure.metadata;

import org.jspecify.annotations.NullMarked;
