/** A {@link io.policyauth.resource.ResourceFilter} as a Spring Data MongoDB query. */
@NullMarked
package io.policyauth.resource.mongo;

import org.jspecify.annotations.NullMarked;
