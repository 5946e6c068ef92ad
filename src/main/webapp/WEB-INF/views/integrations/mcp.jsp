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
    approve each connection once. At most ${maxClients} clients (you have ${clientCount}).</p>

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
      <p class="muted copy-line">Client ID: <code id="client-id-${cl.id}"><c:out value="${cl.clientId}"/></code>
        <button type="button" class="small copy" data-copy="client-id-${cl.id}" hidden aria-label="Copy the client ID of ${fn:escapeXml(cl.name)}">Copy</button></p>
      <p class="muted">Created <c:out value="${cl.created}"/> · Last used <c:out value="${cl.lastUsed}"/></p>
      <div class="scopes">
        <c:forEach var="s" items="${cl.badges}"><span class="badge"><c:out value="${s}"/></span> </c:forEach>
        <c:if test="${cl.moreScopes gt 0}">
          <details class="more-scopes"><summary>+${cl.moreScopes}</summary>
            <c:forEach var="s" items="${cl.scopes}" begin="5"><span class="badge"><c:out value="${s}"/></span> </c:forEach>
          </details>
        </c:if>
      </div>
      <details class="config">
        <summary>Configuration (${cl.machine ? 'client credentials' : cl.desktop ? 'mcp-remote' : 'web connector'})</summary>
        <pre id="snippet-${cl.id}"><c:out value="${cl.snippet}"/></pre>
        <button type="button" class="small copy" data-copy="snippet-${cl.id}" hidden>Copy configuration</button>
        <c:if test="${not empty cl.redirectUris}">
        <p class="muted">Redirect URIs:</p>
        <ul class="uris">
          <c:forEach var="u" items="${cl.redirectUris}" varStatus="st">
            <li><code id="uri-${cl.id}-${st.index}"><c:out value="${u}"/></code>
              <button type="button" class="small copy" data-copy="uri-${cl.id}-${st.index}" hidden aria-label="Copy redirect URI ${fn:escapeXml(u)}">Copy</button></li>
          </c:forEach>
        </ul>
        </c:if>
        <p class="muted"><c:if test="${not cl.publicClient}">Replace <code>&lt;your_client_secret&gt;</code> with the secret you
            copied when you created the client (or rotate it to get a new one). </c:if><c:if test="${cl.desktop}">On Windows
            you may have to give the full path of <code>npx</code>.</c:if></p>
      </details>
      <p class="actions">
        <a href="${ctx}/settings/mcp?edit=${cl.id}#edit" id="edit-${cl.id}">Edit…</a>
        <c:if test="${not cl.publicClient}"><a href="${ctx}/settings/mcp?confirmRotate=${cl.id}#confirm-rotate" id="rotate-${cl.id}">Rotate secret…</a></c:if>
        <a href="${ctx}/settings/mcp?confirmDelete=${cl.id}#confirm-delete" id="delete-${cl.id}">Delete…</a>
      </p>
    </li>
  </c:forEach>
  </ul>
</section>

<c:set var="editing" value="${formMode == 'edit' and not empty editClient}"/>
<c:set var="fe" value="${fieldError}"/>
<c:choose>
<c:when test="${not editing and atLimit}">
<section class="card" id="create">
  <h2>New client</h2>
  <c:choose>
    <c:when test="${fe.field == 'limit'}">
      <p class="alert error" role="alert" id="client-limit"><c:out value="${fe.message}"/></p>
    </c:when>
    <c:otherwise>
      <p class="alert warn" role="status" id="client-limit">You have ${clientCount} OAuth clients, the most one account
        can have. Delete one to add another.</p>
    </c:otherwise>
  </c:choose>
</section>
</c:when>
<c:otherwise>
<section class="card" id="${editing ? 'edit' : 'create'}">
  <c:choose>
    <c:when test="${editing}">
      <h2>Edit <c:out value="${editClient.name}"/></h2>
      <p class="muted">Change the name, the redirect URIs and the allowed scopes. The client ID, its type and its secret
        stay as they are. Removing a scope ends every session of this client that holds it: those apps connect again and
        get only what the client now allows.</p>
    </c:when>
    <c:otherwise>
      <h2>New client</h2>
      <p>Quick presets:
        <c:forEach var="p" items="${presets}">
          <a class="preset ${formPreset == p.id ? 'active' : ''}" id="preset-${p.id}" href="${ctx}/settings/mcp?preset=${p.id}#create"><c:out value="${p.label}"/></a>
        </c:forEach>
      </p>
    </c:otherwise>
  </c:choose>
  <c:if test="${not empty fe and fe.field != 'name' and fe.field != 'redirectUris' and fe.field != 'scopes' and fe.field != 'clientType'}">
    <p class="alert error" role="alert" id="client-form"><c:out value="${fe.message}"/></p>
  </c:if>
  <form method="post" action="${ctx}/settings/mcp" class="stack" id="${editing ? 'edit-form' : 'create-form'}">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="${editing ? 'update' : 'create'}">
    <c:if test="${editing}"><input type="hidden" name="id" value="${editClient.id}"></c:if>
    <c:if test="${not empty confirmName}"><input type="hidden" name="confirmName" value="${fn:escapeXml(confirmName)}"></c:if>
    <label for="client-name">Application name</label>
    <input id="client-name" name="name" maxlength="100" required value="${fn:escapeXml(formName)}"
      <c:if test="${fe.field == 'name'}">aria-describedby="name-error" autofocus<c:if test="${not fe.warn}"> aria-invalid="true"</c:if></c:if>>
    <c:if test="${fe.field == 'name'}">
      <p class="${fe.warn ? 'field-warn' : 'field-error'}" id="name-error" role="alert"><c:out value="${fe.message}"/></p>
    </c:if>
    <label for="redirect-uris">Redirect URIs (one per line)</label>
    <textarea id="redirect-uris" name="redirectUris" rows="3"
      aria-describedby="${fe.field == 'redirectUris' ? 'redirect-error ' : ''}redirect-hint"
      <c:if test="${fe.field == 'redirectUris'}">aria-invalid="true" autofocus</c:if>><c:out value="${formRedirectUris}"/></textarea>
    <c:if test="${fe.field == 'redirectUris'}">
      <p class="field-error" id="redirect-error" role="alert"><c:out value="${fe.message}"/></p>
    </c:if>
    <p class="muted" id="redirect-hint">HTTPS is required, except for <code>http://localhost</code> and
      <code>http://127.0.0.1</code>, which match any port and path (desktop tools pick a random port). A machine client
      needs none.</p>
    <c:choose>
      <c:when test="${editing}">
        <p id="client-type-fixed">Client type: ${editClient.publicClient ? 'public (PKCE only, no secret)' : 'confidential (with a client secret)'}${editClient.machine ? ', machine client' : ''}.
          <span class="muted">To change it, create a new client.</span></p>
      </c:when>
      <c:otherwise>
        <fieldset id="client-type" <c:if test="${fe.field == 'clientType'}">aria-describedby="type-error"</c:if>>
          <legend>Client type</legend>
          <c:if test="${fe.field == 'clientType'}">
            <p class="field-error" id="type-error" role="alert"><c:out value="${fe.message}"/></p>
          </c:if>
          <label class="scope"><input type="radio" name="clientType" value="confidential" ${formPublic ? '' : 'checked'}> Confidential (with a client secret; recommended)</label>
          <label class="scope"><input type="radio" name="clientType" value="public" ${formPublic ? 'checked' : ''}
            <c:if test="${fe.field == 'clientType'}">autofocus</c:if>> Public (PKCE only, no secret)</label>
          <label class="scope"><input type="checkbox" name="machine" id="machine-client" ${formMachine ? 'checked' : ''}>
            Machine client: a script or CLI agent gets tokens with its secret alone (<code>client_credentials</code>, no
            browser), acting as you with the scopes below, an hour at a time. Confidential only.</label>
        </fieldset>
      </c:otherwise>
    </c:choose>
    <fieldset class="scope-picker" id="scope-picker" <c:if test="${fe.field == 'scopes'}">aria-describedby="scopes-error"</c:if>>
      <legend>Allowed scopes (<span id="scope-count">${selectedCount}</span>/${scopeTotal} selected)</legend>
      <c:if test="${fe.field == 'scopes'}">
        <p class="field-error" id="scopes-error" role="alert"><c:out value="${fe.message}"/></p>
      </c:if>
      <label class="scope"><input type="checkbox" name="allScopes" id="select-all"
        <c:if test="${fe.field == 'scopes'}">autofocus</c:if>> Select all</label>
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
    <c:choose>
      <c:when test="${editing}">
        <button type="submit" id="save-button">${empty confirmName ? 'Save changes' : 'Save with this name anyway'}</button>
        <a href="${ctx}/settings/mcp" id="edit-cancel">Cancel</a>
      </c:when>
      <c:otherwise>
        <button type="submit" id="create-button">${empty confirmName ? 'Register client' : 'Register with this name anyway'}</button>
      </c:otherwise>
    </c:choose>
  </form>
</section>
</c:otherwise>
</c:choose>
<script src="${ctx}/assets/integrations.js"></script>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
