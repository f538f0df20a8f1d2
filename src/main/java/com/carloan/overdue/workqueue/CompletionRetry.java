package com.carloan.overdue.workqueue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.GenericFilterBean;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tries a task completion again when the engine refused it only because the task changed under it in another
 * transaction at that moment (its optimistic lock). That happens when a supervisor transfers the case while
 * its owner submits the form: the transfer moves the task to the new owner and commits first, and the
 * engine rolls the whole completion back. Camunda's answer to an optimistic-lock failure is to run the
 * command again; the rolled-back completion changed nothing, so running it again on the task as it is now
 * records the call the agent made, and the case stays with its new owner. Neither is lost.
 *
 * <p>Only {@code POST …/task/{id}/complete} and {@code …/submit-form}, of the engine REST API and of the
 * webapps' engine API (what Tasklist calls), with a body of at most {@link #MAX_BODY} bytes. Anything else,
 * and any other failure, passes through unchanged. Registered last, inside authentication, so each attempt
 * runs as the caller; the attempts after the first are forwarded straight to the engine's servlet.
 */
class CompletionRetry extends GenericFilterBean {

  private static final Logger log = LoggerFactory.getLogger(CompletionRetry.class);
  static final Pattern COMPLETION = Pattern.compile("/task/[^/]+/(complete|submit-form)$");
  static final int ATTEMPTS = 3;
  static final int MAX_BODY = 1 << 20;
  /** The engine's message for an optimistic-lock failure: "… was updated by another transaction concurrently". */
  private static final String CONCURRENT_UPDATE = "updated by another transaction concurrently";

  @Override
  public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).find()
        || request.getContentLengthLong() > MAX_BODY) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new ServletException("A task completion body over " + MAX_BODY + " bytes");
    }
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    for (int attempt = 1; ; attempt++) {
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      Replayed replayed = new Replayed(request, body);
      if (attempt == 1) {
        chain.doFilter(replayed, buffered);
      } else {
        request.getRequestDispatcher(path).forward(replayed, buffered);
      }
      if (attempt < ATTEMPTS && buffered.getStatus() >= 500 && concurrentUpdate(buffered.getContentAsByteArray())) {
        log.info("Task completion {} met a concurrent change of its task (attempt {} of {}); trying again",
            request.getRequestURI(), attempt, ATTEMPTS);
        continue;
      }
      buffered.copyBodyToResponse();
      return;
    }
  }

  private static boolean concurrentUpdate(byte[] answer) {
    String text = new String(answer, StandardCharsets.UTF_8);
    return text.contains(CONCURRENT_UPDATE) || text.contains("\"OptimisticLockingException\"");
  }

  /** The request with its body read again from memory on every attempt. */
  private static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

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
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
