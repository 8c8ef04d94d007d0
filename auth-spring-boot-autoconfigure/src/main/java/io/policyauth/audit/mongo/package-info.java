/** Stores audit decisions in MongoDB, off the request path, with retention by a TTL index. */
package io.policyauth.audit.mongo;
