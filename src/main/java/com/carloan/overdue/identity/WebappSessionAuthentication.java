package com.carloan.overdue.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a user who is logged into the Camunda webapps, for the few {@code GET}s a Tasklist form
 * links to (the evidence-pack download): the browser sends the webapps' session cookie there, but has
 * no Basic credentials. The user is taken from the session where Camunda's login put it
 * ({@link AuthenticationUtil#getAuthsFromSession}); the groups, and so the rights, are read from the
 * engine now, so a membership removed since the login counts at once. Only safe methods, and a POST the
 * application's own page sends by script with {@code X-Requested-With} (the dialler page): a session cookie
 * rides along on cross-site requests, but a cross-site form cannot set that header.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  /** The header a page's script sends and a cross-site form cannot (it would need the site's CORS consent). */
  static final String SCRIPT_HEADER = "X-Requested-With";

  private final RequestMatcher paths;
  private final RequestMatcher scriptedPosts;
  private final ProcessEngine engine;

  WebappSessionAuthentication(RequestMatcher paths, ProcessEngine engine) {
    this(paths, request -> false, engine);
  }

  /** @param scriptedPosts paths that also take a POST from the application's own page script ({@link #SCRIPT_HEADER}) */
  WebappSessionAuthentication(RequestMatcher paths, RequestMatcher scriptedPosts, ProcessEngine engine) {
    this.paths = paths;
    this.scriptedPosts = scriptedPosts;
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    boolean safe = HttpMethod.GET.matches(request.getMethod()) && paths.matches(request);
    boolean scripted = HttpMethod.POST.matches(request.getMethod()) && scriptedPosts.matches(request)
        && "XMLHttpRequest".equals(request.getHeader(SCRIPT_HEADER));
    return !safe && !scripted;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    org.springframework.security.core.Authentication current = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if ((current == null || !current.isAuthenticated()) && session != null) {
      String userId = webappUser(session);
      if (userId != null) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, groups(userId)));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  private String webappUser(HttpSession session) {
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = all.getAuthenticationForProcessEngine(engine.getName());
    return user == null ? null : user.getIdentityId();
  }

  private List<GrantedAuthority> groups(String userId) {
    IdentityService identity = engine.getIdentityService();
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GroupAuthority.of(group.getId())))
        .toList();
  }
}
