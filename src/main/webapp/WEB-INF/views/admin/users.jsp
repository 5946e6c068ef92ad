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
<section class="card">
  <h2>Users</h2>
  <div class="table-wrap">
  <table>
    <thead><tr><th scope="col">Username</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Two-factor</th><th scope="col">Actions</th></tr></thead>
    <tbody>
    <c:forEach var="u" items="${users}">
      <tr>
        <td><c:out value="${u.username}"/></td>
        <td><c:out value="${u.email}"/></td>
        <td>
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
        <td>${u.disabled ? 'Disabled' : 'Active'}</td>
        <td>
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
        <td>
          <form method="post" class="inline">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="id" value="${u.id}">
            <input type="hidden" name="action" value="${u.disabled ? 'enable' : 'disable'}">
            <button type="submit" class="small">${u.disabled ? 'Enable' : 'Disable'}</button>
          </form>
          <form method="post" class="inline">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="id" value="${u.id}"><input type="hidden" name="action" value="reset-password">
            <label class="sr-only" for="pw-${u.id}">New password for <c:out value="${u.username}"/></label>
            <input id="pw-${u.id}" name="password" type="password" autocomplete="new-password" minlength="8" placeholder="New password" required>
            <button type="submit" class="small">Reset password</button>
          </form>
        </td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  </div>
</section>
<section class="card">
  <h2>Create a user</h2>
  <form method="post" class="grid">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="action" value="create">
    <label for="new-username">Username</label><input id="new-username" name="username" required maxlength="50">
    <label for="new-email">E-mail</label><input id="new-email" name="email" type="email" required>
    <label for="new-password">Password</label><input id="new-password" name="password" type="password" autocomplete="new-password" minlength="8" required>
    <label for="new-role">Role</label>
    <select id="new-role" name="role"><option value="user">user</option><option value="admin">admin</option></select>
    <button type="submit">Create user</button>
  </form>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
