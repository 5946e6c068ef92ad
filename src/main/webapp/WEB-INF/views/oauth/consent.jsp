<c:set var="pageTitle" value="Authorize application"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card consent">
  <h1>Allow <c:out value="${consent.clientName}"/> to access your TREK account?</h1>
  <c:if test="${not empty consent.error}"><p class="alert error" role="alert"><c:out value="${consent.error}"/></p></c:if>
  <c:if test="${not empty consent.allowedOn}">
    <p class="alert ok" id="consent-before">You allowed this app on <c:out value="${consent.allowedOn}"/>
      (<c:out value="${consent.allowedScopes}"/>). What you approve now replaces that.</p>
  </c:if>
  <dl class="consent-facts">
    <dt>Application</dt>
    <dd><strong><c:out value="${consent.clientName}"/></strong>
      <c:if test="${consent.selfRegistered}"><span class="badge warn">self-registered</span></c:if></dd>
    <dt>Who set it up</dt>
    <dd id="consent-origin"><c:out value="${consent.origin}"/></dd>
    <dt>After you decide, you go to</dt>
    <dd id="consent-redirect-host"><strong><c:out value="${consent.redirectHost}"/></strong>
      <small class="muted">(<c:out value="${consent.redirectUri}"/>)</small></dd>
    <c:if test="${not empty consent.clientUri}">
      <dt>Website</dt><dd><c:out value="${consent.clientUri}"/></dd>
    </c:if>
  </dl>
  <c:if test="${consent.loopbackRedirect}">
    <p class="alert warn" id="loopback-warning">The answer goes to a program on <strong>this computer</strong>. Any program on
      your computer could pose as this application: continue only if you just started connecting an application here.</p>
  </c:if>
  <c:if test="${consent.selfRegistered}">
    <p class="alert warn">TREK cannot confirm who made this application; its name is what it says about itself.</p>
  </c:if>
  <form method="post" action="${pageContext.request.contextPath}/oauth/authorize">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <c:forEach var="h" items="${consent.hidden}">
      <input type="hidden" name="${fn:escapeXml(h.key)}" value="${fn:escapeXml(h.value)}">
    </c:forEach>
    <h2>Permissions requested</h2>
    <p class="muted">Untick anything you do not want to allow; the application gets exactly what stays ticked. Without a
      trips permission it cannot even list your trips.</p>
    <c:forEach var="g" items="${consent.groups}">
      <fieldset class="scope-group">
        <legend><label><input type="checkbox" class="group-toggle" data-group="${fn:escapeXml(g.key)}" checked> <c:out value="${g.label}"/></label></legend>
        <c:forEach var="s" items="${g.scopes}">
          <label class="scope">
            <input type="checkbox" name="scope" value="${fn:escapeXml(s.name)}" data-group="${fn:escapeXml(g.key)}" checked>
            <span class="verb verb-${fn:escapeXml(s.verb)}"><c:out value="${s.verb}"/></span>
            <c:out value="${s.label}"/> <small class="muted"><c:out value="${s.description}"/></small>
          </label>
        </c:forEach>
      </fieldset>
    </c:forEach>
    <c:if test="${not empty consent.unavailable}">
      <h2>Requested but not available</h2>
      <ul class="unavailable" id="consent-unavailable">
        <c:forEach var="u" items="${consent.unavailable}">
          <li><code><c:out value="${u.name}"/></code><c:if test="${not empty u.label}"> (<c:out value="${u.label}"/>)</c:if>:
            <c:out value="${u.reason}"/></li>
        </c:forEach>
      </ul>
    </c:if>
    <p id="consent-revoke">You can revoke this any time in <a href="${pageContext.request.contextPath}/settings/mcp?tab=apps">Settings → Connected apps</a>.</p>
    <div class="actions">
      <button type="submit" name="decision" value="approve" id="approve">Approve</button>
      <button type="submit" name="decision" value="deny" id="deny" class="secondary">Deny</button>
    </div>
  </form>
</section>
<script src="${pageContext.request.contextPath}/assets/consent.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
