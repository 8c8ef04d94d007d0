/** Auto-configuration of {@code shared_api_key} and {@code db_api_key} policies: {@code policy-auth.api-key.*}. */
@NullMarked
package io.policyauth.autoconfigure.apikey;

import org.jspecify.annotations.NullMarked;
