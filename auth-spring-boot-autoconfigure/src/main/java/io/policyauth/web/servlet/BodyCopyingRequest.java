package io.policyauth.web.servlet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.policyauth.core.RequestBodyRejectedException;
import io.policyauth.web.BodyCopies;
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

    /* Spring's own form reader, as Spring MVC's data binding would read a form it parsed itself. */
    private static final FormHttpMessageConverter FORMS = new FormHttpMessageConverter();

    private final int limit;
    private final int formLimit;
    private byte[] head;
    private ServletInputStream stream;
    private Map<String, String[]> formParameters;

    /**
     * @param request the request
     * @param limit the most bytes any policy wants; {@code limit + 1} are kept to tell a larger body
     * @param formLimit the largest form body parsed as parameters, as the server's own limit
     *        ({@code server.tomcat.max-http-form-post-size})
     */
    BodyCopyingRequest(HttpServletRequest request, int limit, int formLimit) {
        super(request);
        this.limit = limit;
        this.formLimit = formLimit;
    }

    /**
     * @param wanted the most bytes the caller wants, at most this request's limit
     * @return up to {@code wanted + 1} bytes of the body
     * @throws RequestBodyRejectedException 415 for a multipart body
     * @throws UncheckedIOException when the body cannot be read
     */
    byte[] copy(int wanted) {
        BodyCopies.refuseMultipart(getContentType());
        return BodyCopies.upTo(head(), wanted, limit);
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
     * orders them, read by Spring's form converter from the very bytes a policy was shown.
     */
    private Map<String, String[]> parseFormParameters() {
        byte[] body;
        try {
            body = stream == null ? readForm(getInputStream(), formLimit) : new byte[0];
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        super.getParameterMap().forEach((name, values) -> parsed.put(name, new ArrayList<>(Arrays.asList(values))));
        bodyParameters(body).forEach((name, values) -> parsed.computeIfAbsent(name, key -> new ArrayList<>())
                .addAll(values));
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parsed.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        // The parsed bytes stay readable, as a copied body always is.
        stream = new Replay(body, null);
        return parameters;
    }

    @SuppressWarnings("unchecked")
    private MultiValueMap<String, String> bodyParameters(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, characterEncoding()));
        try {
            return FORMS.read((Class<? extends MultiValueMap<String, ?>>) (Class<?>) MultiValueMap.class,
                    new HttpInputMessage() {

                        @Override
                        public InputStream getBody() {
                            return new ByteArrayInputStream(body);
                        }

                        @Override
                        public HttpHeaders getHeaders() {
                            return headers;
                        }
                    });
        }
        catch (IOException | IllegalArgumentException | HttpMessageNotReadableException malformed) {
            // A form the reader cannot decode (a bad escape) has no parameters: as unreadable, never half-read.
            return new LinkedMultiValueMap<>();
        }
    }

    /** The whole form body, or nothing when it is larger than the server parses forms. */
    private static byte[] readForm(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? new byte[0] : body;
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
