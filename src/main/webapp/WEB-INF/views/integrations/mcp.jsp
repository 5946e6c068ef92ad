<c:set var="pageTitle" value="Integrations · MCP"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/integrations/_tabs.jspf" %>
<c:set var="ctx" value="${pageContext.request.contextPath}"/>

<c:if test="${not empty secretFor}">
  <section class="card alert warn" id="new-secret" role="status">
    <h2 class="h3">${secretReason == 'rotated' ? 'New secret generated' : 'Client registered'}:
      <c:out value="${secretFor.name}"/></h2>
    <c:if test="${not empty newSecret}">
    <p><strong>Copy the client secret now. It is shown only once</strong>; TREK keeps only a hash of it.
      <c:if test="${secretReason == 'rotated'}">Every session that used the old secret has been signed out.</c:if></p>
    </c:if>
    <dl class="consent-facts">
      <dt>Client ID</dt>
      <dd><code id="new-client-id"><c:out value="${secretFor.clientId}"/></code>
        <button type="button" class="small copy" data-copy="new-client-id" hidden>Copy</button></dd>
      <c:if test="${not empty newSecret}">
      <dt>Client secret</dt>
      <dd><code id="new-secret-value"><c:out value="${newSecret}"/></code>
        <button type="button" class="small copy" data-copy="new-secret-value" hidden>Copy</button></dd>
      </c:if>
    </dl>
    <p>Ready-to-paste configuration:</p>
    <pre id="new-snippet"><c:out value="${newSnippet}"/></pre>
    <button type="button" class="small copy" data-copy="new-snippet" hidden>Copy configuration</button>
    <p><a href="${ctx}/settings/mcp" id="secret-done">Done</a></p>
  </section>
</c:if>

<section class="card">
  <h2>OAuth clients</h2>
  <p class="muted">Create one client per AI application. Each may use only the scopes you allow here, and you
    approve each connection once. At most 10 clients.</p>

  <c:forEach var="cl" items="${clients}">
    <c:if test="${confirmRotate == cl.id.toString()}">
      <div class="alert error" id="confirm-rotate">
        <p>Rotate the secret of <strong><c:out value="${cl.name}"/></strong>? The old secret stops working at once and
          every existing session of this client (for every user) is revoked.</p>
        <form method="post" action="${ctx}/settings/mcp">
          <input type="hidden" name="${csrfField}" value="${csrf}">
          <input type="hidden" name="action" value="rotate">
          <input type="hidden" name="id" value="${cl.id}">
          <button type="submit" id="confirm-rotate-button">Rotate secret</button>
          <a href="${ctx}/settings/mcp">Cancel</a>
        </form>
      </div>
    </c:if>
    <c:if test="${confirmDelete == cl.id.toString()}">
      <div class="alert error" id="confirm-delete">
        <p>Delete <strong><c:out value="${cl.name}"/></strong>? The client, its consents and all its sessions are
          removed; applications using it are disconnected.</p>
        <form method="post" action="${ctx}/settings/mcp">
          <input type="hidden" name="${csrfField}" value="${csrf}">
          <input type="hidden" name="action" value="delete">
          <input type="hidden" name="id" value="${cl.id}">
          <button type="submit" id="confirm-delete-button">Delete client</button>
          <a href="${ctx}/settings/mcp">Cancel</a>
        </form>
      </div>
    </c:if>
  </c:forEach>

  <c:if test="${empty clients}"><p class="muted" id="no-clients">No OAuth clients registered.</p></c:if>
  <ul class="clients">
  <c:forEach var="cl" items="${clients}">
    <li class="client" id="client-${cl.id}">
      <h3><c:out value="${cl.name}"/>
        <c:if test="${cl.publicClient}"><span class="badge">public</span></c:if>
        <c:if test="${cl.machine}"><span class="badge" id="machine-${cl.id}">machine client</span></c:if></h3>
      <p class="muted">Client ID: <code><c:out value="${cl.clientId}"/></code> · Created <c:out value="${cl.created}"/>
        · Last used <c:out value="${cl.lastUsed}"/></p>
      <div class="scopes">
        <c:forEach var="s" items="${cl.badges}"><span class="badge"><c:out value="${s}"/></span> </c:forEach>
        <c:if test="${cl.moreScopes gt 0}">
          <details class="more-scopes"><summary>+${cl.moreScopes}</summary>
            <c:forEach var="s" items="${cl.scopes}" begin="5"><span class="badge"><c:out value="${s}"/></span> </c:forEach>
          </details>
        </c:if>
      </div>
      <details>
        <summary>Configuration (${cl.machine ? 'client credentials' : cl.desktop ? 'mcp-remote' : 'web connector'})</summary>
        <pre id="snippet-${cl.id}"><c:out value="${cl.snippet}"/></pre>
        <button type="button" class="small copy" data-copy="snippet-${cl.id}" hidden>Copy configuration</button>
        <p class="muted">Redirect URIs: <c:forEach var="u" items="${cl.redirectUris}" varStatus="st"><code><c:out value="${u}"/></code>${st.last ? '' : ', '}</c:forEach>.
          <c:if test="${not cl.publicClient}">Replace <code>&lt;your_client_secret&gt;</code> with the secret you copied when
            you created the client (or rotate it to get a new one).</c:if>
          <c:if test="${cl.desktop}">On Windows you may have to give the full path of <code>npx</code>.</c:if></p>
      </details>
      <p class="actions">
        <c:if test="${not cl.publicClient}"><a href="${ctx}/settings/mcp?confirmRotate=${cl.id}#confirm-rotate" id="rotate-${cl.id}">Rotate secret…</a></c:if>
        <a href="${ctx}/settings/mcp?confirmDelete=${cl.id}#confirm-delete" id="delete-${cl.id}">Delete…</a>
      </p>
    </li>
  </c:forEach>
  </ul>
</section>

<section class="card" id="create">
  <h2>New client</h2>
  <p>Quick presets:
    <c:forEach var="p" items="${presets}">
      <a class="preset ${formPreset == p.id ? 'active' : ''}" id="preset-${p.id}" href="${ctx}/settings/mcp?preset=${p.id}#create"><c:out value="${p.label}"/></a>
    </c:forEach>
  </p>
  <c:if test="${not empty formError}">
    <p class="alert error" role="alert" id="form-error"><c:out value="${formError}"/></p>
  </c:if>
  <form method="post" action="${ctx}/settings/mcp" class="stack" id="create-form">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="create">
    <label for="client-name">Application name</label>
    <input id="client-name" name="name" maxlength="100" required value="${fn:escapeXml(formName)}">
    <label for="redirect-uris">Redirect URIs (one per line)</label>
    <textarea id="redirect-uris" name="redirectUris" rows="3" aria-describedby="redirect-hint"><c:out value="${formRedirectUris}"/></textarea>
    <p class="muted" id="redirect-hint">HTTPS is required, except for <code>http://localhost</code> and
      <code>http://127.0.0.1</code>, which match any port and path (desktop tools pick a random port). A machine client
      needs none.</p>
    <fieldset>
      <legend>Client type</legend>
      <label class="scope"><input type="radio" name="clientType" value="confidential" ${formPublic ? '' : 'checked'}> Confidential (with a client secret; recommended)</label>
      <label class="scope"><input type="radio" name="clientType" value="public" ${formPublic ? 'checked' : ''}> Public (PKCE only, no secret)</label>
      <label class="scope"><input type="checkbox" name="machine" id="machine-client" ${formMachine ? 'checked' : ''}>
        Machine client: a script or CLI agent gets tokens with its secret alone (<code>client_credentials</code>, no
        browser), acting as you with the scopes below, an hour at a time. Confidential only.</label>
    </fieldset>
    <fieldset class="scope-picker" id="scope-picker">
      <legend>Allowed scopes (<span id="scope-count">${selectedCount}</span>/${scopeTotal} selected)</legend>
      <label class="scope"><input type="checkbox" name="allScopes" id="select-all"> Select all</label>
      <p class="muted">Ticking a group (or Select all) allows every scope in it, whatever its boxes show.</p>
      <c:forEach var="g" items="${scopeGroups}">
        <fieldset class="scope-group">
          <legend><label><input type="checkbox" class="group-toggle" name="group" value="${g.key}" data-group="${g.key}" id="group-${g.key}">
            <c:out value="${g.label}"/></label> <span class="muted group-count" data-group="${g.key}">(${g.checked}/${g.total})</span></legend>
          <c:forEach var="s" items="${g.scopes}">
            <label class="scope"><input type="checkbox" name="scope" value="${s.name}" data-group="${g.key}" ${s.checked ? 'checked' : ''}>
              <span class="verb verb-${s.verb}">${s.verb}</span> <c:out value="${s.label}"/>
              <small class="muted"><c:out value="${s.description}"/></small></label>
          </c:forEach>
        </fieldset>
      </c:forEach>
    </fieldset>
    <button type="submit" id="create-button">Register client</button>
  </form>
</section>
<script src="${ctx}/assets/integrations.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
