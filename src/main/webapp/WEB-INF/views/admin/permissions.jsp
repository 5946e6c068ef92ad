<c:set var="pageTitle" value="Permissions"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<section class="card">
  <h2>Permissions</h2>
  <p class="muted">Who may do what on trips. These rules apply everywhere, MCP tools included. Administrators always pass.</p>
  <div class="table-wrap">
  <table>
    <thead><tr><th scope="col">Action</th><th scope="col">Allowed for</th><th scope="col">Default</th></tr></thead>
    <tbody>
    <c:forEach var="p" items="${permissions}">
      <tr>
        <td><c:out value="${p.label}"/> <code><c:out value="${p.key}"/></code></td>
        <td>
          <form method="post" class="inline">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="permission" value="${fn:escapeXml(p.key)}">
            <label class="sr-only" for="perm-${fn:escapeXml(p.key)}">Allowed for: <c:out value="${p.label}"/></label>
            <select id="perm-${fn:escapeXml(p.key)}" name="level">
              <c:forEach var="choice" items="${p.choices}">
                <option value="${fn:escapeXml(choice.value)}" ${choice.value == p.current ? 'selected' : ''}><c:out value="${choice.label}"/></option>
              </c:forEach>
            </select>
            <button type="submit" class="small">Save</button>
          </form>
        </td>
        <td><c:out value="${p.defaultLabel}"/>${p.isDefault ? '' : ' (changed)'}</td>
      </tr>
    </c:forEach>
    </tbody>
  </table>
  </div>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
