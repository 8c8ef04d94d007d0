package io.policyauth.web.servlet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import io.policyauth.core.RequestBodyRejectedException;
import io.policyauth.web.ContentTypes;

/**
 * A request whose first bytes can be copied before the handler reads the body: they are read once,
 * kept, and replayed ahead of the rest of the stream to whoever reads the body, so a policy sees
 * byte for byte what the handler reads.
 * <p>
 * A form post's parameters are parsed here from those same bytes, never by the container: the
 * container would read the body on its own, bypassing this wrapper, and a policy would be shown
 * something else than the handler gets. Multipart bodies are parsed by the container before any
 * policy runs, so they cannot be copied at all: asking for one is refused.
 */
final class BodyCopyingRequest extends HttpServletRequestWrapper {

    /** The most form bytes parsed as parameters, as Tomcat's default {@code maxPostSize}. */
    private static final int MAX_FORM_BYTES = 2 * 1024 * 1024;

    private final int limit;
    private byte[] head;
    private ServletInputStream stream;
    private Map<String, String[]> formParameters;

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
     * @throws RequestBodyRejectedException 415 for a multipart body
     * @throws UncheckedIOException when the body cannot be read
     */
    byte[] copy(int wanted) {
        if (isMultipart()) {
            throw RequestBodyRejectedException.multipart();
        }
        byte[] bytes = head();
        // A kept head longer than the limit means a larger body, whatever the caller wants: keep
        // saying so with wanted + 1 bytes, even if that needs padding.
        return bytes.length > wanted + 1 || bytes.length > limit ? Arrays.copyOf(bytes, wanted + 1) : bytes.clone();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (isMultipart()) {
            // The container parses multipart bodies from its own stream.
            return super.getInputStream();
        }
        if (stream == null) {
            stream = new Replay(headOrThrow(), super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(getInputStream(), characterEncoding()));
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        if (!isForm()) {
            return super.getParameterMap();
        }
        if (formParameters == null) {
            formParameters = Collections.unmodifiableMap(parseFormParameters());
        }
        return formParameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
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
            head = super.getInputStream().readNBytes(limit + 1);
        }
        return head;
    }

    /*
     * The query string's parameters come from the container: once the body stream is taken, it
     * parses only those (Servlet 6.1 section 3.1.1). The body's follow them, as the specification
     * orders them, decoded from the very bytes a policy was shown.
     */
    private Map<String, String[]> parseFormParameters() {
        byte[] body;
        boolean streamUnread = stream == null;
        try {
            body = streamUnread ? readForm(getInputStream()) : new byte[0];
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        super.getParameterMap().forEach((name, values) -> parsed.put(name, new ArrayList<>(Arrays.asList(values))));
        Charset charset = characterEncoding();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
                parsed.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            catch (IllegalArgumentException malformed) {
                // As the container does: a pair with a bad escape is skipped.
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parsed.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        // The parsed bytes stay readable, as a copied body always is.
        stream = new Replay(body, null);
        return parameters;
    }

    /** The whole form body, or nothing when it is larger than the container would parse. */
    private static byte[] readForm(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_FORM_BYTES) {
                return new byte[0];
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    // Bytes were read as ISO-8859-1, one char each, so %XX escapes and raw bytes decode alike.
    private static String decode(String part, Charset charset) {
        String bytes = URLDecoder.decode(part, StandardCharsets.ISO_8859_1);
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    private Charset characterEncoding() {
        String encoding = getCharacterEncoding();
        return encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    }

    private boolean isForm() {
        return "POST".equalsIgnoreCase(getMethod()) && ContentTypes.is(getContentType(), ContentTypes.FORM);
    }

    private boolean isMultipart() {
        return ContentTypes.is(getContentType(), ContentTypes.MULTIPART);
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
            return b >= 0 || rest == null ? b : rest.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = kept.read(buffer, offset, length);
            return n > 0 || rest == null ? n : rest.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return kept.available() == 0 && (rest == null || rest.isFinished());
        }

        @Override
        public boolean isReady() {
            return kept.available() > 0 || rest == null || rest.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            // Non-blocking reads of a copied body are not supported: the kept bytes are already here.
            throw new UnsupportedOperationException("Non-blocking reads are not supported on a copied body");
        }
    }
}
