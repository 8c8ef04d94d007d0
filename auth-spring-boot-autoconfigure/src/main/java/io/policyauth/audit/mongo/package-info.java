/** Stores audit decisions in MongoDB, off the request path, with retention by a TTL index. */
@NullMarked
package io.policyauth.audit.mongo;

import org.jspecify.annotations.NullMarked;
