package io.policyauth.remote;

import org.jspecify.annotations.Nullable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import io.policyauth.core.RequestBodyRejectedException;

/**
 * Turns a copied body into the text an authorizer is sent: decoded with the charset its
 * {@code Content-Type} declares (UTF-8 when none is), and only if every byte decodes, since a
 * replacement character would show the authorizer another body than the handler reads.
 */
final class BodyText {

    private BodyText() {
    }

    /**
     * @param bytes the body
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @return the text
     * @throws RequestBodyRejectedException 415 when the charset is unknown or the bytes do not decode
     */
    static String decode(byte[] bytes, @Nullable String contentType) {
        Charset charset = declaredCharset(contentType);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException undecodable) {
            throw RequestBodyRejectedException.notCopyable("The request body is not text in its declared charset.");
        }
    }

    private static Charset declaredCharset(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            MimeType type = MimeTypeUtils.parseMimeType(contentType);
            return type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        }
        catch (IllegalArgumentException unknown) {
            // InvalidMimeTypeException and the unknown-charset exceptions are IllegalArgumentExceptions.
            throw RequestBodyRejectedException.notCopyable("The request body's content type or charset is not supported.");
        }
    }
}
