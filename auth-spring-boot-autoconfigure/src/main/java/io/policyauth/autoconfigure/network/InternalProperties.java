package io.policyauth.autoconfigure.network;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.policyauth.network.ForwardedHeader;

/** The "internal" policy under {@code policy-auth.internal}: client addresses. */
@ConfigurationProperties("policy-auth.internal")
public class InternalProperties {

    /** CIDRs (IPv4 or IPv6, e.g. 10.0.0.0/8, ::1/128) whose clients pass. When empty, the policy is not registered. */
    private List<String> allowedCidrs = new ArrayList<>();

    /**
     * CIDRs of reverse proxies whose forwarded-header is believed. The client is the first
     * address, walking right to left, that is not a trusted proxy.
     */
    private List<String> trustedProxies = new ArrayList<>();

    /**
     * The header the trusted proxies write: x-forwarded-for (nginx, HAProxy, AWS ALB,
     * ingress-nginx) or forwarded (RFC 7239). Only this header is read; the other is ignored.
     */
    private ForwardedHeader forwardedHeader = ForwardedHeader.X_FORWARDED_FOR;

    public List<String> getAllowedCidrs() {
        return allowedCidrs;
    }

    public void setAllowedCidrs(List<String> allowedCidrs) {
        this.allowedCidrs = allowedCidrs;
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public ForwardedHeader getForwardedHeader() {
        return forwardedHeader;
    }

    public void setForwardedHeader(ForwardedHeader forwardedHeader) {
        this.forwardedHeader = forwardedHeader;
    }
}
