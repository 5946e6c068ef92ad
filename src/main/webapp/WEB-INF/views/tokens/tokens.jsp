<c:set var="pageTitle" value="API tokens"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<c:set var="mcpTab" value="tokens"/>
<%@ include file="/WEB-INF/views/integrations/_tabs.jspf" %>
<section class="card">
  <h2>API tokens <span class="badge off">Deprecated</span></h2>
  <p class="alert warn" id="tokens-deprecated">Static API tokens are deprecated and will be removed. They give an MCP
    client full access to your account at <code><c:out value="${mcpUrl}"/></code>. Use an
    <a href="${pageContext.request.contextPath}/settings/mcp">OAuth client</a> instead: it can be limited to the scopes
    you choose and revoked per application. Every tool result of a static-token call carries a reminder.</p>

  <c:if test="${not empty newToken}">
    <div class="alert ok" role="status" id="new-token">
      <p>Token <strong><c:out value="${newTokenName}"/></strong> created. Copy it now: it is shown only once.</p>
      <p><code id="new-token-value"><c:out value="${newToken}"/></code>
        <button type="button" class="small copy" data-copy="new-token-value" hidden>Copy</button></p>
    </div>
  </c:if>
  <c:if test="${not empty formError}">
    <p class="alert error" role="alert"><c:out value="${formError}"/></p>
  </c:if>

  <c:if test="${not empty confirmToken}">
    <div class="alert error" id="confirm-delete">
      <p>Delete token <strong><c:out value="${confirmToken.name}"/></strong> (<code><c:out value="${confirmToken.prefix}"/></code>)?
        Clients using it are disconnected at once.</p>
      <form method="post">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="delete">
        <input type="hidden" name="id" value="${confirmToken.id}">
        <button type="submit" id="confirm-delete-button">Delete token</button>
        <a href="${pageContext.request.contextPath}/settings/tokens">Cancel</a>
      </form>
    </div>
  </c:if>

  <table>
    <thead><tr><th>Name</th><th>Token</th><th>Created</th><th>Last used</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="t" items="${tokens}">
      <tr>
        <td><c:out value="${t.name}"/></td>
        <td><code><c:out value="${t.prefix}"/></code></td>
        <td><c:out value="${t.created}"/></td>
        <td><c:out value="${t.lastUsed}"/></td>
        <td><a href="${pageContext.request.contextPath}/settings/tokens?confirmDelete=${t.id}">Delete…</a></td>
      </tr>
    </c:forEach>
    <c:if test="${empty tokens}"><tr><td colspan="5" class="muted">No tokens yet.</td></tr></c:if>
    </tbody>
  </table>

  <c:if test="${fn:length(tokens) lt maxTokens}">
    <form method="post" class="stack">
      <input type="hidden" name="${csrfField}" value="${csrf}">
      <input type="hidden" name="action" value="create">
      <label for="token-name">Name</label>
      <input id="token-name" name="name" maxlength="100" required>
      <button type="submit">Create token</button>
    </form>
  </c:if>
  <c:if test="${fn:length(tokens) ge maxTokens}">
    <p class="muted">You have reached the limit of ${maxTokens} tokens.</p>
  </c:if>
</section>
<script src="${pageContext.request.contextPath}/assets/integrations.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
