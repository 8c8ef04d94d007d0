/** The {@code internal} policy: client address resolution behind trusted proxies and CIDR matching. */
package io.policyauth.network;
