/**
 * The MongoDB key store of the {@code db_api_key} policy, over Spring Data MongoDB's template and
 * the synchronous driver: one document per key, found by a unique index on the key's hash.
 */
@NullMarked
package io.policyauth.apikey.mongo;

import org.jspecify.annotations.NullMarked;
