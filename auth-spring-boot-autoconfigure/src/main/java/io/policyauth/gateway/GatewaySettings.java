package io.policyauth.gateway;

import java.util.Objects;

import io.policyauth.network.CidrSet;

/**
 * How the gateway endpoints are reached and read.
 *
 * @param path where the endpoints live, for example {@code /authz}; no trailing {@code /}
 * @param allowedCallers the addresses that may ask
 * @param originalMethodHeader the header nginx puts the original method in
 * @param originalUriHeader the header nginx puts the original request URI in
 * @param rejectAmbiguousPaths whether original paths that could be read two ways are refused
 * @param kxMaxRequestBytes the largest KX authorization request read
 */
public record GatewaySettings(String path, CidrSet allowedCallers, String originalMethodHeader,
        String originalUriHeader, boolean rejectAmbiguousPaths, int kxMaxRequestBytes) {

    public GatewaySettings {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("the gateway path must start with '/' and not end with it");
        }
        if (kxMaxRequestBytes < 1) {
            throw new IllegalArgumentException("the KX request size limit must be positive");
        }
    }
}
