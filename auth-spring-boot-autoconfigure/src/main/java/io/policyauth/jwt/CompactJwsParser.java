package io.policyauth.jwt;

import java.text.ParseException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

import io.policyauth.cache.SampledReads;

/**
 * Splits compact JWS tokens. Headers are parsed by Nimbus; those of tokens whose signature
 * verified are remembered by their exact encoded form, since every token of an issuer carries the
 * same few headers: parsing is deterministic, so a remembered header is exactly what parsing would
 * give, and only verified ones get in, so forged tokens cannot fill the memory.
 */
final class CompactJwsParser {

    /** Far more headers than an issuer uses at once (one per key and algorithm). */
    static final int MAX_REMEMBERED_HEADERS = 64;

    private final Cache<String, JWSHeader> verifiedHeaders = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED_HEADERS).executor(Runnable::run).build();
    private final SampledReads<String, JWSHeader> headerReads = new SampledReads<>(verifiedHeaders);

    /**
     * @param token a token of at most {@link NimbusJwtAuthProvider#MAX_TOKEN_LENGTH} characters
     * @return its parts
     * @throws io.policyauth.core.AuthenticationException {@code unsupported_algorithm} for
     *         unsecured ({@code alg: none}) and encrypted tokens, {@code malformed_token} for
     *         anything else that is not a compact JWS
     */
    CompactJws parse(String token) {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            // Encrypted tokens have five parts.
            throw isUnsignedOrEncrypted(token, firstDot) ? TokenRejections.unsupportedAlgorithm()
                    : TokenRejections.malformed();
        }
        String encodedHeader = token.substring(0, firstDot);
        JWSHeader header = headerReads.getIfPresent(encodedHeader);
        if (header == null) {
            header = parseHeader(encodedHeader);
        }
        return new CompactJws(encodedHeader, header, CompactJws.signingInput(token, secondDot),
                new Base64URL(token.substring(secondDot + 1)), token.substring(firstDot + 1, secondDot));
    }

    /**
     * Remembers the header of a token whose signature verified.
     *
     * @param verified the token
     */
    void rememberHeader(CompactJws verified) {
        verifiedHeaders.asMap().putIfAbsent(verified.encodedHeader(), verified.header());
    }

    long rememberedHeaders() {
        verifiedHeaders.cleanUp();
        return verifiedHeaders.estimatedSize();
    }

    private static JWSHeader parseHeader(String encodedHeader) {
        Header header;
        try {
            header = Header.parse(new Base64URL(encodedHeader));
        }
        catch (ParseException unreadable) {
            // The parser's message may quote the token, so it is not kept.
            throw TokenRejections.malformed();
        }
        if (header instanceof JWSHeader jws) {
            return jws;
        }
        // An unsecured header ("alg":"none") or an encryption header: never acceptable here.
        throw TokenRejections.unsupportedAlgorithm();
    }

    private static boolean isUnsignedOrEncrypted(String token, int firstDot) {
        if (firstDot <= 0) {
            return false;
        }
        try {
            return !(Header.parse(new Base64URL(token.substring(0, firstDot))) instanceof JWSHeader);
        }
        catch (ParseException | RuntimeException unreadable) {
            return false;
        }
    }
}
