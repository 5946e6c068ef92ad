<c:set var="pageTitle" value="Users"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<section class="card" id="two-factor-policy">
  <h2>Two-factor sign-in</h2>
  <form method="post">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="two-factor-policy">
    <label class="check"><input type="checkbox" name="required" ${twoFactorRequired ? 'checked' : ''}>
      Require two-factor sign-in for every user</label>
    <p class="muted">Users without it are sent to set it up at their next sign-in and reach nothing else until they
      have. Sign-ins already open stay open.</p>
    <button type="submit">Save policy</button>
  </form>
</section>
<c:if test="${not empty confirmUser}">
<section class="card danger-zone" id="confirm-disable" aria-labelledby="confirm-disable-title">
  <h2 id="confirm-disable-title">Disable <c:out value="${confirmUser.username}"/>?</h2>
  <p>Disabling cuts all of this user's access at once:</p>
  <ul id="disable-impact">
    <li><strong>${impact.connectedApps()}</strong> connected app(s) with <strong>${impact.grants()}</strong> grant(s): their access and refresh tokens are revoked and the approvals withdrawn;</li>
    <li><strong>${impact.staticTokens()}</strong> static API token(s) (<code>trek_…</code>): deleted;</li>
    <li><strong>${impact.signIns()}</strong> open sign-in(s) and every MCP session of theirs: ended;</li>
    <li>the secrets of their machine clients: replaced.</li>
  </ul>
  <p>Enabling the user again brings none of it back: they approve their apps and create tokens anew.</p>
  <form method="post" class="inline">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="id" value="${confirmUser.id}"><input type="hidden" name="action" value="disable">
    <button type="submit" class="danger">Disable <c:out value="${confirmUser.username}"/></button>
  </form>
  <a href="${pageContext.request.contextPath}/admin/users">Cancel</a>
</section>
</c:if>
<section class="card">
  <h2>Users</h2>
  <div class="table-wrap">
  <table class="stack">
    <thead><tr><th scope="col">Username</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Two-factor</th><th scope="col">Actions</th></tr></thead>
    <tbody>
    <c:forEach var="u" items="${users}">
      <c:set var="resetKey">reset:${u.id}</c:set>
      <c:set var="resetError" value="${formError.form == resetKey ? formError.message : ''}"/>
      <tr id="user-${u.id}">
        <td><c:out value="${u.username}"/></td>
        <td data-label="E-mail"><c:out value="${u.email}"/></td>
        <td data-label="Role">
          <form method="post" class="inline">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="action" value="role"><input type="hidden" name="id" value="${u.id}">
            <label class="sr-only" for="role-${u.id}">Role of <c:out value="${u.username}"/></label>
            <select id="role-${u.id}" name="role">
              <option value="user" ${u.admin ? '' : 'selected'}>user</option>
              <option value="admin" ${u.admin ? 'selected' : ''}>admin</option>
            </select>
            <button type="submit" class="small">Change role</button>
          </form>
        </td>
        <td data-label="Status">${u.disabled ? 'Disabled' : 'Active'}<c:if test="${u.mustChangePassword and not u.disabled}"><br><span class="muted">must change password</span></c:if></td>
        <td data-label="Two-factor">
          <c:choose>
            <c:when test="${twoFactorUsers.contains(u.id)}">
              On
              <form method="post" class="inline">
                <input type="hidden" name="${csrfField}" value="${csrf}">
                <input type="hidden" name="id" value="${u.id}"><input type="hidden" name="action" value="reset-two-factor">
                <button type="submit" class="small" aria-label="Reset two-factor of ${fn:escapeXml(u.username)}">Reset</button>
              </form>
            </c:when>
            <c:otherwise>Off</c:otherwise>
          </c:choose>
        </td>
        <td data-label="Actions" class="stack-actions">
          <c:choose>
            <c:when test="${u.disabled}">
              <form method="post" class="inline">
                <input type="hidden" name="${csrfField}" value="${csrf}">
                <input type="hidden" name="id" value="${u.id}"><input type="hidden" name="action" value="enable">
                <button type="submit" class="small">Enable</button>
              </form>
            </c:when>
            <c:otherwise>
              <a class="button small danger" href="${pageContext.request.contextPath}/admin/users?disable=${u.id}#confirm-disable">Disable…</a>
            </c:otherwise>
          </c:choose>
          <form method="post" class="inline">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="id" value="${u.id}"><input type="hidden" name="action" value="reset-password">
            <label class="sr-only" for="pw-${u.id}">New password for <c:out value="${u.username}"/></label>
            <input id="pw-${u.id}" name="password" type="password" autocomplete="new-password" minlength="${minLength}" maxlength="256" placeholder="New password" required
                   <c:if test="${not empty resetError}">aria-invalid="true" aria-describedby="pw-${u.id}-error"</c:if>>
            <button type="submit" class="small">Reset password</button>
            <c:if test="${not empty resetError}"><span class="field-error" id="pw-${u.id}-error" role="alert"><c:out value="${resetError}"/></span></c:if>
          </form>
        </td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  </div>
  <p class="muted">A password you set or reset must be changed by the user at their next sign-in.</p>
</section>
<c:set var="createError" value="${formError.form == 'create' ? formError : null}"/>
<section class="card" id="create-user">
  <h2>Create a user</h2>
  <form method="post" class="grid">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="create">
    <label for="new-username">Username</label>
    <div><input id="new-username" name="username" required maxlength="50" value="${fn:escapeXml(createError.username)}"
      <c:if test="${createError.field == 'username'}">aria-invalid="true" aria-describedby="new-username-error"</c:if>>
      <c:if test="${createError.field == 'username'}"><span class="field-error" id="new-username-error" role="alert"><c:out value="${createError.message}"/></span></c:if></div>
    <label for="new-email">E-mail</label>
    <div><input id="new-email" name="email" type="email" required value="${fn:escapeXml(createError.email)}"
      <c:if test="${createError.field == 'email'}">aria-invalid="true" aria-describedby="new-email-error"</c:if>>
      <c:if test="${createError.field == 'email'}"><span class="field-error" id="new-email-error" role="alert"><c:out value="${createError.message}"/></span></c:if></div>
    <label for="new-password">Password</label>
    <div><input id="new-password" name="password" type="password" autocomplete="new-password" minlength="${minLength}" maxlength="256" required
      aria-describedby="new-password-hint${createError.field == 'password' ? ' new-password-error' : ''}"
      <c:if test="${createError.field == 'password'}">aria-invalid="true"</c:if>>
      <c:if test="${createError.field == 'password'}"><span class="field-error" id="new-password-error" role="alert"><c:out value="${createError.message}"/></span></c:if>
      <small class="muted" id="new-password-hint">At least ${minLength} characters, not a common password, not the username or e-mail. The user must change it at the first sign-in.</small></div>
    <label for="new-role">Role</label>
    <select id="new-role" name="role"><option value="user">user</option><option value="admin" ${createError.role == 'admin' ? 'selected' : ''}>admin</option></select>
    <button type="submit">Create user</button>
  </form>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
