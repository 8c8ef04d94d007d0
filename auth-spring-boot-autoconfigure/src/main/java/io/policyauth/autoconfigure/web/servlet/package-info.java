/**
 * Auto-configuration of the Spring MVC front: the interceptor over every handler mapping, the
 * response writer, the policy map.
 */
@NullMarked
package io.policyauth.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
