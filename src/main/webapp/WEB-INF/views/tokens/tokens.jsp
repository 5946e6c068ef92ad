<c:set var="pageTitle" value="API tokens"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<c:set var="mcpTab" value="tokens"/>
<%@ include file="/WEB-INF/views/integrations/_tabs.jspf" %>
<section class="card tokens-page">
  <h2>API tokens <span class="badge off">Deprecated</span></h2>
  <p class="alert warn" id="tokens-deprecated">Static API tokens are deprecated and will be removed. They give an MCP
    client full access to your account at <code><c:out value="${mcpUrl}"/></code>. Use an
    <a href="${pageContext.request.contextPath}/settings/mcp">OAuth client</a> instead: it can be limited to the scopes
    you choose and revoked per application. Every tool result of a static-token call carries a reminder.</p>

  <c:if test="${not empty newToken}">
    <div class="alert ok" role="status" id="new-token">
      <p>Token <strong><c:out value="${newTokenName}"/></strong> created (<c:out value="${newTokenExpires}"/>).
        Copy it now: it is shown only once.</p>
      <p><code id="new-token-value"><c:out value="${newToken}"/></code>
        <button type="button" class="small copy" data-copy="new-token-value" hidden>Copy token</button></p>
    </div>
    <div id="new-token-snippets">
      <h3>Connect a client with <code>mcp-remote</code></h3>
      <p>Add this to the client's MCP configuration (Claude Desktop, Cursor, Windsurf, …; needs Node.js):</p>
      <pre id="new-token-snippet"><c:out value="${newSnippet}"/></pre>
      <button type="button" class="small copy" data-copy="new-token-snippet" hidden>Copy configuration</button>
      <p>Or try it in a terminal:</p>
      <pre id="new-token-command"><c:out value="${newCommand}"/></pre>
      <button type="button" class="small copy" data-copy="new-token-command" hidden>Copy command</button>
      <p>On Windows, Claude Desktop and Cursor break arguments that contain spaces. There, pass the header through an
        environment variable instead:</p>
      <pre id="new-token-snippet-env"><c:out value="${newSnippetEnv}"/></pre>
      <button type="button" class="small copy" data-copy="new-token-snippet-env" hidden>Copy configuration</button>
    </div>
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

  <table class="tokens">
    <thead><tr><th>Name</th><th>Token</th><th>Created</th><th>Last used</th><th>Expires</th><th><span class="sr-only">Action</span></th></tr></thead>
    <tbody>
    <c:forEach var="t" items="${tokens}">
      <tr id="token-${t.id}">
        <td class="token-name"><strong><c:out value="${t.name}"/></strong></td>
        <td data-label="Token"><code><c:out value="${t.prefix}"/></code></td>
        <td data-label="Created"><c:out value="${t.created}"/></td>
        <td data-label="Last used"><c:out value="${t.lastUsed}"/></td>
        <%-- On a phone the cell stands alone: "expires 2027-01-02" and "expired" say it, "never" needs the label --%>
        <td class="token-expiry"<c:if test="${empty t.expiresExact}"> data-label="Expires"</c:if>><c:choose>
          <c:when test="${t.expired}"><span class="badge expired">expired</span></c:when>
          <c:when test="${empty t.expiresExact}">never</c:when>
          <c:otherwise><span title="${t.expiresExact}"><c:out value="${t.expires}"/></span></c:otherwise>
        </c:choose></td>
        <td><a href="${pageContext.request.contextPath}/settings/tokens?confirmDelete=${t.id}">Delete…</a></td>
      </tr>
    </c:forEach>
    <c:if test="${empty tokens}"><tr><td colspan="6" class="muted">No tokens yet.</td></tr></c:if>
    </tbody>
  </table>

  <div id="create-token">
  <c:if test="${tokenError.field == 'limit'}">
    <p class="field-error" id="token-limit-error" role="alert"><c:out value="${tokenError.message}"/></p>
  </c:if>
  <c:choose>
    <c:when test="${fn:length(tokens) lt maxTokens}">
      <h3>New token</h3>
      <form method="post" class="stack">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="create">
        <label for="token-name">Name</label>
        <input id="token-name" name="name" maxlength="100" required value="${fn:escapeXml(tokenError.name)}"
          <c:if test="${tokenError.field == 'name'}">aria-invalid="true" aria-describedby="token-name-error" autofocus</c:if>>
        <c:if test="${tokenError.field == 'name'}"><span class="field-error" id="token-name-error" role="alert"><c:out value="${tokenError.message}"/></span></c:if>
        <c:set var="chosenExpiry" value="${empty tokenError.expiry ? defaultExpiry : tokenError.expiry}"/>
        <label for="token-expiry">Expires after</label>
        <select id="token-expiry" name="expiry"
          aria-describedby="token-expiry-hint${tokenError.field == 'expiry' ? ' token-expiry-error' : ''}"
          <c:if test="${tokenError.field == 'expiry'}">aria-invalid="true" autofocus</c:if>>
          <c:forEach var="choice" items="${expiryChoices}">
            <option value="${choice.value}"${choice.value == chosenExpiry ? ' selected' : ''}><c:out value="${choice.label}"/></option>
          </c:forEach>
        </select>
        <c:if test="${tokenError.field == 'expiry'}"><span class="field-error" id="token-expiry-error" role="alert"><c:out value="${tokenError.message}"/></span></c:if>
        <p class="hint" id="token-expiry-hint">An expired token is refused like a deleted one; delete it and create a
          new one. A token without expiry works until you delete it.</p>
        <button type="submit">Create token</button>
      </form>
    </c:when>
    <c:otherwise>
      <p class="muted" id="token-limit">You have reached the limit of ${maxTokens} tokens. Delete one (expired ones
        count too) to create another.</p>
    </c:otherwise>
  </c:choose>
  </div>
</section>
<script src="${pageContext.request.contextPath}/assets/integrations.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
