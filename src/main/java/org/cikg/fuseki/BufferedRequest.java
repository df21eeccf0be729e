package org.cikg.fuseki;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request with its body read into memory; form fields parsed here because Jetty cannot re-read them. */
final class BufferedRequest extends HttpServletRequestWrapper {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final byte[] body;
    private final Charset charset;
    private final Map<String, String[]> params;

    BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        String enc = request.getCharacterEncoding();
        this.charset = enc == null || !Charset.isSupported(enc) ? StandardCharsets.UTF_8 : Charset.forName(enc);
        if (FORM.equals(RequestLineRules.baseType(request.getContentType()))) {
            Map<String, List<String>> p = new LinkedHashMap<>();
            parse(request.getQueryString(), p);
            parse(new String(body, charset), p);
            Map<String, String[]> m = new LinkedHashMap<>();
            p.forEach((k, v) -> m.put(k, v.toArray(String[]::new)));
            this.params = Collections.unmodifiableMap(m);
        } else {
            this.params = null;
        }
    }

    private void parse(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
    }

    String text() {
        return new String(body, charset);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getParameter(String name) {
        if (params == null) {
            return super.getParameter(name);
        }
        String[] v = params.get(name);
        return v == null ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return params == null ? super.getParameterMap() : params;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return params == null ? super.getParameterNames() : Collections.enumeration(params.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return params == null ? super.getParameterValues(name) : params.get(name);
    }
}
