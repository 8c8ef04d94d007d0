/** The {@code internal} policy: client address resolution behind trusted proxies and CIDR matching. */
@NullMarked
package io.policyauth.network;

import org.jspecify.annotations.NullMarked;
