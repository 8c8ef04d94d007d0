/** Auto-configuration of client addresses behind trusted proxies and the {@code internal} policy: {@code policy-auth.internal.*}. */
package io.policyauth.autoconfigure.network;
