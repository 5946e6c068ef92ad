<c:set var="pageTitle" value="OAuth grants and clients"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<form method="post" action="${pageContext.request.contextPath}/admin/oauth">
  <input type="hidden" name="${csrfField}" value="${csrf}">
  <input type="hidden" name="action" value="purge">
  <button type="submit" class="small">Run the OAuth clean-up now</button>
</form>
<section class="card">
  <h2>Live OAuth grants</h2>
  <div class="table-wrap"><table>
    <thead><tr><th>User</th><th>Client</th><th>Scopes</th><th>Since</th><th>Last used</th><th>Expires</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="g" items="${grants}">
      <tr>
        <td><c:out value="${g.username}"/></td>
        <td><c:out value="${g.clientName}"/><br><small><code><c:out value="${g.clientId}"/></code></small></td>
        <td><c:forEach var="s" items="${g.scopes}" varStatus="st"><c:out value="${s}"/><c:if test="${not st.last}">, </c:if></c:forEach></td>
        <td><c:out value="${g.createdAt}"/></td>
        <td><c:out value="${empty g.lastUsedAt ? 'never' : g.lastUsedAt}"/></td>
        <td><c:out value="${g.refreshExpiresAt}"/></td>
        <td><form class="inline" method="post" action="${pageContext.request.contextPath}/admin/oauth">
          <input type="hidden" name="${csrfField}" value="${csrf}">
          <input type="hidden" name="action" value="revoke-grant">
          <input type="hidden" name="grant_id" value="${fn:escapeXml(g.grantId)}">
          <button type="submit" class="small">Revoke</button></form></td>
      </tr>
    </c:forEach>
    <c:if test="${empty grants}"><tr><td colspan="7">No live grants.</td></tr></c:if>
    </tbody>
  </table></div>
</section>
<section class="card">
  <h2>All OAuth clients</h2>
  <div class="table-wrap"><table>
    <thead><tr><th>Name</th><th>Client ID</th><th>Kind</th><th>Created</th><th>Last used</th><th></th></tr></thead>
    <tbody>
    <c:forEach var="c" items="${clients}">
      <tr>
        <td><c:out value="${c.name}"/></td>
        <td><code><c:out value="${c.clientId}"/></code></td>
        <td><c:out value="${c.origin}"/> · <c:out value="${c.publicClient ? 'public' : 'confidential'}"/></td>
        <td><c:out value="${c.createdAt}"/></td>
        <td><c:out value="${empty c.lastUsedAt ? 'never' : c.lastUsedAt}"/></td>
        <td><form class="inline" method="post" action="${pageContext.request.contextPath}/admin/oauth">
          <input type="hidden" name="${csrfField}" value="${csrf}">
          <input type="hidden" name="action" value="delete-client">
          <input type="hidden" name="id" value="${c.id}">
          <button type="submit" class="small">Delete</button></form></td>
      </tr>
    </c:forEach>
    </tbody>
  </table></div>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
