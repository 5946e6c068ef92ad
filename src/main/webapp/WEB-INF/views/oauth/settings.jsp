<c:set var="pageTitle" value="OAuth clients and connected apps"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<h1>MCP: OAuth clients and connected apps</h1>
<p>MCP endpoint: <code id="mcp-endpoint"><c:out value="${mcpEndpoint}"/></code></p>
<c:if test="${not empty message}">
  <p class="${messageError ? 'alert error' : 'alert ok'}" role="status"><c:out value="${message}"/></p>
</c:if>
<c:if test="${not empty newSecret}">
  <section class="card" id="new-secret">
    <h2>Client secret (shown once)</h2>
    <c:if test="${not empty createdClientId}"><p>Client ID: <code id="new-client-id"><c:out value="${createdClientId}"/></code></p></c:if>
    <p>Client secret: <code id="new-client-secret"><c:out value="${newSecret}"/></code></p>
  </section>
</c:if>

<section class="card">
  <h2>Connected apps</h2>
  <c:if test="${empty apps}"><p>No application is connected to your account.</p></c:if>
  <c:forEach var="app" items="${apps}">
    <div class="connected-app">
      <h3><c:out value="${app.clientName}"/> <c:if test="${app.selfRegistered}"><span class="badge warn">self-registered</span></c:if></h3>
      <p>Client ID: <code><c:out value="${app.clientId}"/></code>. Last used: <c:out value="${empty app.lastUsedAt ? 'never' : app.lastUsedAt}"/>.</p>
      <p>Allowed: <c:forEach var="s" items="${app.consentedScopes}" varStatus="st"><c:out value="${s}"/><c:if test="${not st.last}">, </c:if></c:forEach></p>
      <c:forEach var="g" items="${app.grants}">
        <form class="inline" method="post" action="${pageContext.request.contextPath}/settings/oauth">
          <input type="hidden" name="${csrfField}" value="${csrf}">
          <input type="hidden" name="action" value="revoke-grant">
          <input type="hidden" name="grant_id" value="${fn:escapeXml(g.grantId)}">
          Session since <c:out value="${g.createdAt}"/>, expires <c:out value="${g.refreshExpiresAt}"/>
          <button type="submit" class="small">Revoke session</button>
        </form>
      </c:forEach>
      <form method="post" action="${pageContext.request.contextPath}/settings/oauth">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="revoke-consent">
        <input type="hidden" name="client_id" value="${fn:escapeXml(app.clientId)}">
        <button type="submit">Withdraw access</button>
      </form>
    </div>
  </c:forEach>
</section>

<section class="card">
  <h2>Your OAuth clients</h2>
  <c:if test="${empty clients}"><p>No OAuth clients registered.</p></c:if>
  <c:forEach var="c" items="${clients}">
    <div class="oauth-client">
      <h3><c:out value="${c.name}"/></h3>
      <p>Client ID: <code><c:out value="${c.clientId}"/></code> · <c:out value="${c.publicClient ? 'public' : 'confidential'}"/> · created <c:out value="${c.createdAt}"/></p>
      <p>Redirect URIs: <c:forEach var="u" items="${c.redirectUriList}" varStatus="st"><code><c:out value="${u}"/></code><c:if test="${not st.last}">, </c:if></c:forEach></p>
      <c:if test="${not c.publicClient}">
        <form class="inline" method="post" action="${pageContext.request.contextPath}/settings/oauth">
          <input type="hidden" name="${csrfField}" value="${csrf}">
          <input type="hidden" name="action" value="rotate">
          <input type="hidden" name="id" value="${c.id}">
          <button type="submit" class="small">Rotate secret</button>
        </form>
      </c:if>
      <form class="inline" method="post" action="${pageContext.request.contextPath}/settings/oauth">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="delete">
        <input type="hidden" name="id" value="${c.id}">
        <button type="submit" class="small">Delete client</button>
      </form>
    </div>
  </c:forEach>
</section>

<section class="card">
  <h2>New client</h2>
  <form method="post" action="${pageContext.request.contextPath}/settings/oauth">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="create">
    <label for="client-name">Application name</label>
    <input id="client-name" name="name" type="text" maxlength="100" required>
    <label for="client-redirects">Redirect URIs (one per line)</label>
    <textarea id="client-redirects" name="redirect_uris" rows="3" required></textarea>
    <label><input type="radio" name="type" value="confidential" checked> Confidential (with a secret)</label>
    <label><input type="radio" name="type" value="public"> Public (PKCE only)</label>
    <c:forEach var="g" items="${scopeGroups}">
      <fieldset class="scope-group"><legend><c:out value="${g.label}"/></legend>
        <c:forEach var="s" items="${g.scopes}">
          <label class="scope"><input type="checkbox" name="scope" value="${fn:escapeXml(s.name)}"> <c:out value="${s.label}"/> <small class="muted"><c:out value="${s.name}"/></small></label>
        </c:forEach>
      </fieldset>
    </c:forEach>
    <button type="submit">Register client</button>
  </form>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
