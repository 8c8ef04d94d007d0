/**
 * The sample's shared documents, with {@code --spring.profiles.active=documents} and Cerbos running
 * ({@code bash cerbos/run.sh}): resource checks on each document and lists filtered by the engine's plan.
 */
@NullMarked
package io.policyauth.sample.documents;

import org.jspecify.annotations.NullMarked;
