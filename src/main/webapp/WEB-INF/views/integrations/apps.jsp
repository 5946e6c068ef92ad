<c:set var="pageTitle" value="Connected apps"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/integrations/_tabs.jspf" %>
<c:set var="ctx" value="${pageContext.request.contextPath}"/>
<section class="card">
  <h2>Connected apps</h2>
  <p class="muted">Every application you allowed to use your TREK account, including ones that registered
    themselves. Revoking withdraws your consent, ends its sessions at once, and it must ask again to connect.</p>
  <c:if test="${not empty confirmApp}">
    <div class="alert error" id="confirm-revoke">
      <p>Revoke access for <strong><c:out value="${confirmApp.name}"/></strong>? Its ${confirmApp.activeGrants}
        active session(s) end immediately.</p>
      <form method="post" action="${ctx}/settings/mcp">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="revoke-app">
        <input type="hidden" name="clientId" value="${fn:escapeXml(confirmApp.clientId)}">
        <button type="submit" id="confirm-revoke-button">Revoke access</button>
        <a href="${ctx}/settings/mcp?tab=apps">Cancel</a>
      </form>
    </div>
  </c:if>
  <div class="table-wrap">
  <table class="apps">
    <thead><tr><th>Application</th><th>Scopes</th><th>Granted</th><th>Last used</th><th>Active sessions</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="a" items="${apps}" varStatus="st">
      <tr>
        <td><c:out value="${a.name}"/>
          <c:if test="${a.selfRegistered}"><span class="badge warn">self-registered</span></c:if>
          <br><small class="muted copy-line"><code id="app-id-${st.index}"><c:out value="${a.clientId}"/></code>
            <button type="button" class="small copy" data-copy="app-id-${st.index}" hidden aria-label="Copy the client ID of ${fn:escapeXml(a.name)}">Copy</button></small></td>
        <td data-label="Scopes"><c:forEach var="s" items="${a.scopes}"><span class="badge"><c:out value="${s}"/></span> </c:forEach></td>
        <td data-label="Granted"><c:out value="${a.granted}"/></td>
        <td data-label="Last used"><c:out value="${a.lastUsed}"/></td>
        <td data-label="Active sessions">${a.activeGrants}</td>
        <td><c:url var="revokeUrl" value="/settings/mcp"><c:param name="tab" value="apps"/><c:param name="confirmRevoke" value="${a.clientId}"/></c:url>
          <a href="${fn:escapeXml(revokeUrl)}#confirm-revoke" class="revoke-app">Revoke…</a></td>
      </tr>
    </c:forEach>
    <c:if test="${empty apps}"><tr><td colspan="6" class="muted">No connected apps.</td></tr></c:if>
    </tbody>
  </table>
  </div>
</section>
<script src="${ctx}/assets/integrations.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
