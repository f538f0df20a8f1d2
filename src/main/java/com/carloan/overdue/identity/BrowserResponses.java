package com.carloan.overdue.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * 401 and 403 for pages people open in a browser: a page asks them to sign in through the Camunda
 * login (whose session {@link WebappSessionAuthentication} accepts) or says they may not look, in
 * Chinese and English. Calls that do not ask for HTML (the page's own data call, curl) get the API's
 * problem+json from {@link ProblemResponses}.
 */
@Component
class BrowserResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String LOGIN = "/camunda/app/welcome/default/#!/login";

  private final ProblemResponses problems;

  BrowserResponses(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (!wantsHtml(request)) {
      problems.commence(request, response, exception);
      return;
    }
    String login = request.getContextPath() + LOGIN;
    // Basic credentials the browser sent and the engine refused: say why, as the API does.
    String refused = exception instanceof LoginRefused why
        ? "<p id=\"reason\">" + HtmlUtils.htmlEscape(why.getMessage()) + "</p>" : "";
    write(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录 · Please sign in", refused
        + "<p>请通过 Camunda 登录后再打开本页。Sign in with your Camunda account, then open this page again.</p>"
        + "<p><a id=\"login\" href=\"" + login + "\">登录 Sign in</a></p>");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    if (!wantsHtml(request)) {
      problems.handle(request, response, exception);
      return;
    }
    write(response, HttpServletResponse.SC_FORBIDDEN, "无权访问 · Not allowed",
        "<p>本页面仅供催收主管、流程负责人和管理员查看。"
            + "This page is for collection supervisors, process owners and administrators.</p>"
            + "<p><a href=\"" + request.getContextPath() + "/camunda/app/tasklist/\">返回任务列表 Back to Tasklist</a></p>");
  }

  private static boolean wantsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }

  private static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1 id=\"status\" data-status=\""
        + status + "\">" + title + "</h1>" + body + "</body></html>");
  }
}
