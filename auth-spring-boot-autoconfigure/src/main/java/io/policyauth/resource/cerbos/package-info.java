/** Cerbos as the resource policy engine, over its HTTP API. */
@NullMarked
package io.policyauth.resource.cerbos;

import org.jspecify.annotations.NullMarked;
