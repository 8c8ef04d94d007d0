/** Auto-configuration of the Spring MVC front: the interceptor over every handler mapping, problem responses, the policy map. */
@NullMarked
package io.policyauth.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
