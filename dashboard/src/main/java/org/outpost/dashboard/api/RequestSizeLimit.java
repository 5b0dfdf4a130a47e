package org.outpost.dashboard.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of every API request ({@code outpost.api.max-request-size}): JSON bodies are read whole into memory
 * before any field can be checked, so one request must not be able to make the server hold megabytes. A declared
 * length over the bound is answered 413 at once; a body sent without one stops being read at the bound
 * ({@link TooLarge}, answered 413 by {@link ApiErrors}).
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long max;

    RequestSizeLimit(ApiProperties properties) {
        this.max = properties.maxRequestSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,\"detail\":\""
                            + message() + "\",\"message\":\"" + message() + "\"}");
            return;
        }
        chain.doFilter(new Bounded(request, max), response);
    }

    private String message() {
        return "The request body is larger than " + max + " bytes, the most the API reads";
    }

    /** The body stopped being read at the bound. */
    static final class TooLarge extends IOException {

        TooLarge(long max) {
            super("The request body is larger than " + max + " bytes, the most the API reads");
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private @Nullable ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream current = stream;
            if (current == null) {
                current = new Counting(super.getInputStream(), max);
                stream = current;
            }
            return current;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
