package io.policyauth.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose first bytes can be copied before the handler reads the body: they are read once,
 * kept, and replayed ahead of the rest of the stream to whoever reads the body.
 * <p>
 * A form post is read by the container as parameters, bypassing this wrapper; its copy is the
 * parameters re-encoded, so that the handler still finds them.
 */
final class BodyCopyingRequest extends HttpServletRequestWrapper {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final int limit;
    private byte[] head;
    private ServletInputStream stream;

    /**
     * @param request the request
     * @param limit the most bytes any policy wants; {@code limit + 1} are kept to tell a larger body
     */
    BodyCopyingRequest(HttpServletRequest request, int limit) {
        super(request);
        this.limit = limit;
    }

    /**
     * @param wanted the most bytes the caller wants, at most this request's limit
     * @return up to {@code wanted + 1} bytes of the body
     * @throws UncheckedIOException when the body cannot be read
     */
    byte[] copy(int wanted) {
        byte[] bytes = head();
        // A kept head longer than the limit means a larger body, whatever the caller wants: keep
        // saying so with wanted + 1 bytes, even if that needs padding.
        return bytes.length > wanted + 1 || bytes.length > limit ? Arrays.copyOf(bytes, wanted + 1) : bytes.clone();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (isForm()) {
            // The container reads form bodies as parameters; the stream is the container's.
            return super.getInputStream();
        }
        if (stream == null) {
            stream = new Replay(headOrThrow(), super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private byte[] head() {
        try {
            return headOrThrow();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private byte[] headOrThrow() throws IOException {
        if (head == null) {
            head = isForm() ? formBody() : super.getInputStream().readNBytes(limit + 1);
        }
        return head;
    }

    private boolean isForm() {
        String contentType = getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)
                && "POST".equalsIgnoreCase(getMethod());
    }

    private byte[] formBody() {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String[]> parameter : getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!form.isEmpty()) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                if (form.length() > limit) {
                    return form.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The kept bytes, then whatever the client has not sent yet. */
    private static final class Replay extends ServletInputStream {

        private final ByteArrayInputStream kept;
        private final ServletInputStream rest;

        Replay(byte[] kept, ServletInputStream rest) {
            this.kept = new ByteArrayInputStream(kept);
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            int b = kept.read();
            return b >= 0 ? b : rest.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = kept.read(buffer, offset, length);
            return n > 0 ? n : rest.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return kept.available() == 0 && rest.isFinished();
        }

        @Override
        public boolean isReady() {
            return kept.available() > 0 || rest.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            // Non-blocking reads of a copied body are not supported: the kept bytes are already here.
            throw new UnsupportedOperationException("Non-blocking reads are not supported on a copied body");
        }
    }
}
