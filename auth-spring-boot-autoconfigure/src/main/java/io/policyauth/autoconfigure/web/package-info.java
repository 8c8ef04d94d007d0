/** Auto-configuration of the Spring MVC front: the interceptor over every handler mapping, problem responses, the policy map. */
package io.policyauth.autoconfigure.web;
