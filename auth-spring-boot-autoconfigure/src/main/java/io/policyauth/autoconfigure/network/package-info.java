/** Auto-configuration of client addresses behind trusted proxies and the {@code internal} policy: {@code policy-auth.internal.*}. */
@NullMarked
package io.policyauth.autoconfigure.network;

import org.jspecify.annotations.NullMarked;
