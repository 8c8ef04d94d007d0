/** API-key policies: {@code shared_api_key} (configured keys) and {@code db_api_key} (stored keys). */
@NullMarked
package io.policyauth.apikey;

import org.jspecify.annotations.NullMarked;
