package io.policyauth.jwt;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * A compact JWS split into what verification needs. The payload stays encoded until the
 * signature has passed, so claims of a forged token are never parsed.
 *
 * @param encodedHeader the first part, as received
 * @param header the parsed header
 * @param signingInput the ASCII bytes the signature covers (header and payload parts)
 * @param signature the third part
 * @param encodedPayload the second part, as received
 */
record CompactJws(String encodedHeader, JWSHeader header, byte[] signingInput, Base64URL signature,
        String encodedPayload) {

    /**
     * The payload as a JSON object, decoded with the JDK's strict base64url decoder rather than
     * Nimbus's lenient one: faster, and a payload that is not base64url is malformed anyway.
     *
     * @return the claims
     * @throws ParseException when the payload is not a JSON object
     * @throws IllegalArgumentException when the payload is not base64url
     */
    Map<String, Object> claims() throws ParseException {
        byte[] json = Base64.getUrlDecoder().decode(encodedPayload);
        return JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
    }

    static byte[] signingInput(String token, int end) {
        return token.substring(0, end).getBytes(StandardCharsets.UTF_8);
    }
}
