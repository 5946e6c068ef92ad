<c:set var="pageTitle" value="MCP access"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<c:set var="ctx" value="${pageContext.request.contextPath}"/>
<p class="muted">OAuth grants, OAuth clients and API tokens of every user. Every revoke and delete is audited.
  <c:if test="${not mcpEnabled}"><span class="badge warn">MCP addon off</span></c:if></p>

<c:if test="${not empty confirmGrant}">
  <div class="alert error" id="confirm-grant">
    <p>Revoke the grant of <strong><c:out value="${confirmGrant.owner}"/></strong> for
      <strong><c:out value="${confirmGrant.client}"/></strong>? Its tokens stop working and its MCP sessions close now.</p>
    <form method="post" action="${ctx}/admin/mcp">
      <input type="hidden" name="${csrfField}" value="${csrf}">
      <input type="hidden" name="action" value="revoke-grant">
      <input type="hidden" name="id" value="${fn:escapeXml(confirmGrant.id)}">
      <button type="submit" id="confirm-grant-button">Revoke grant</button>
      <a href="${ctx}/admin/mcp">Cancel</a>
    </form>
  </div>
</c:if>
<c:if test="${not empty confirmClient}">
  <div class="alert error" id="confirm-client">
    <p>Delete client <strong><c:out value="${confirmClient.name}"/></strong>? Its consents and every user's sessions
      with it are removed.</p>
    <form method="post" action="${ctx}/admin/mcp">
      <input type="hidden" name="${csrfField}" value="${csrf}">
      <input type="hidden" name="action" value="delete-client">
      <input type="hidden" name="id" value="${fn:escapeXml(confirmClient.id)}">
      <button type="submit" id="confirm-client-button">Delete client</button>
      <a href="${ctx}/admin/mcp">Cancel</a>
    </form>
  </div>
</c:if>
<c:if test="${not empty confirmToken}">
  <div class="alert error" id="confirm-token">
    <p>Delete API token <strong><c:out value="${confirmToken.name}"/></strong> of
      <strong><c:out value="${confirmToken.owner}"/></strong>? It stops working at once.</p>
    <form method="post" action="${ctx}/admin/mcp">
      <input type="hidden" name="${csrfField}" value="${csrf}">
      <input type="hidden" name="action" value="delete-token">
      <input type="hidden" name="id" value="${fn:escapeXml(confirmToken.id)}">
      <button type="submit" id="confirm-token-button">Delete token</button>
      <a href="${ctx}/admin/mcp">Cancel</a>
    </form>
  </div>
</c:if>

<section class="card">
  <h2>OAuth grants</h2>
  <div class="table-wrap">
  <table id="grants">
    <thead><tr><th>Client</th><th>Owner</th><th>Created</th><th>Last used</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="g" items="${grants}">
      <tr>
        <td><c:out value="${g.client}"/><c:if test="${g.selfRegistered}"> <span class="badge warn">self-registered</span></c:if><br>
          <c:forEach var="s" items="${g.badges}"><span class="badge"><c:out value="${s}"/></span> </c:forEach>
          <c:if test="${g.moreScopes gt 0}">
            <details class="more-scopes"><summary>+${g.moreScopes} more</summary>
              <c:forEach var="s" items="${g.scopes}" begin="6"><span class="badge"><c:out value="${s}"/></span> </c:forEach>
            </details>
          </c:if></td>
        <td><c:out value="${g.owner}"/></td>
        <td><c:out value="${g.created}"/></td>
        <td><c:out value="${g.lastUsed}"/></td>
        <td><c:url var="u" value="/admin/mcp"><c:param name="confirmGrant" value="${g.id}"/></c:url>
          <a href="${fn:escapeXml(u)}#confirm-grant" class="revoke-grant">Revoke…</a></td>
      </tr>
    </c:forEach>
    <c:if test="${empty grants}"><tr><td colspan="5" class="muted">No active OAuth grants.</td></tr></c:if>
    </tbody>
  </table>
  </div>
</section>

<section class="card">
  <h2>OAuth clients</h2>
  <div class="table-wrap">
  <table id="clients">
    <thead><tr><th>Client</th><th>Owner</th><th>Redirect hosts</th><th>Created</th><th>Last used</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="cl" items="${clients}" varStatus="st">
      <tr>
        <td><c:out value="${cl.name}"/><br><small class="muted copy-line"><code id="admin-client-id-${st.index}"><c:out value="${cl.clientId}"/></code>
          <button type="button" class="small copy" data-copy="admin-client-id-${st.index}" hidden aria-label="Copy the client ID of ${fn:escapeXml(cl.name)}">Copy</button></small></td>
        <td><c:choose><c:when test="${empty cl.owner}"><span class="badge warn"><c:out value="${cl.origin}"/></span></c:when>
          <c:otherwise><c:out value="${cl.owner}"/></c:otherwise></c:choose></td>
        <td><c:out value="${cl.redirectHosts}"/></td>
        <td><c:out value="${cl.created}"/></td>
        <td><c:out value="${cl.lastUsed}"/></td>
        <td><a href="${ctx}/admin/mcp?confirmClient=${cl.id}#confirm-client" class="delete-client">Delete…</a></td>
      </tr>
    </c:forEach>
    <c:if test="${empty clients}"><tr><td colspan="6" class="muted">No OAuth clients.</td></tr></c:if>
    </tbody>
  </table>
  </div>
</section>

<section class="card">
  <h2>API tokens <span class="badge off">Deprecated</span></h2>
  <div class="table-wrap">
  <table id="tokens">
    <thead><tr><th>Name</th><th>Owner</th><th>Created</th><th>Last used</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="t" items="${tokens}">
      <tr>
        <td><c:out value="${t.name}"/><br><code><c:out value="${t.prefix}"/></code></td>
        <td><c:out value="${t.owner}"/></td>
        <td><c:out value="${t.created}"/></td>
        <td><c:out value="${t.lastUsed}"/></td>
        <td><a href="${ctx}/admin/mcp?confirmToken=${t.id}#confirm-token" class="delete-token">Delete…</a></td>
      </tr>
    </c:forEach>
    <c:if test="${empty tokens}"><tr><td colspan="5" class="muted">No API tokens have been created yet.</td></tr></c:if>
    </tbody>
  </table>
  </div>
</section>
<section class="card">
  <h2>Clean-up</h2>
  <p class="muted">Runs by itself every 15 minutes: removes expired authorization codes, expired or revoked tokens, and
    self-registered clients unused for the configured time. Live grants and clients made in Settings are kept.</p>
  <form method="post" action="${ctx}/admin/mcp">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="purge">
    <button type="submit" id="purge-button">Run the clean-up now</button>
  </form>
</section>
<script src="${pageContext.request.contextPath}/assets/integrations.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
