package com.carloan.overdue.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps {@code /api} request bodies: a declared Content-Length over the limit is refused before a byte
 * is read, and a body without one (chunked) fails with {@link BodyTooLarge} once it passes the limit.
 * CSV imports get the larger limit. Registered after Spring Security, so only signed-in callers
 * (and WeCom's signed callback) get this far.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

  private static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private final ApiLimits limits;
  private final Problems problems;

  RequestSizeLimit(ApiLimits limits, Problems problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      problems.write(response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(limit),
          List.of(new FieldError("body", "must be at most " + limit + " bytes")), request));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  static String tooLarge(long limit) {
    return "The request body is larger than " + limit + " bytes";
  }

  private long limitFor(HttpServletRequest request) {
    String type = request.getContentType();
    boolean csv = false;
    if (type != null) {
      try {
        csv = CSV.isCompatibleWith(MediaType.parseMediaType(type));
      } catch (IllegalArgumentException unparsable) {
        csv = false;
      }
    }
    return (csv ? limits.maxCsvBody() : limits.maxJsonBody()).toBytes();
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
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

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
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
