/** Auto-configuration of {@code shared_api_key} and {@code db_api_key} policies: {@code policy-auth.api-key.*}. */
package io.policyauth.autoconfigure.apikey;
