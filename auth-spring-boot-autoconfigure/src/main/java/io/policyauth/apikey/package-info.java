/** API-key policies: {@code shared_api_key} (configured keys) and {@code db_api_key} (stored keys). */
package io.policyauth.apikey;
