<c:set var="pageTitle" value="Audit log"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<section class="card">
  <h2>Audit log</h2>
  <form method="get" class="filters">
    <label for="f-action">Action</label>
    <select id="f-action" name="action">
      <option value="">All actions</option>
      <c:forEach var="act" items="${actions}">
        <option value="${fn:escapeXml(act)}" ${act == filterAction ? 'selected' : ''}><c:out value="${act}"/></option>
      </c:forEach>
    </select>
    <label for="f-user">User</label><input id="f-user" name="user" value="${fn:escapeXml(filterUser)}" placeholder="username">
    <label for="f-from">From</label><input id="f-from" name="from" type="date" value="${fn:escapeXml(filterFrom)}">
    <label for="f-to">To</label><input id="f-to" name="to" type="date" value="${fn:escapeXml(filterTo)}">
    <button type="submit">Filter</button>
  </form>
  <c:url var="exportUrl" value="/admin/audit/export.csv"><c:param name="action" value="${filterAction}"/><c:param name="user" value="${filterUser}"/><c:param name="from" value="${filterFrom}"/><c:param name="to" value="${filterTo}"/></c:url>
  <p><a href="${exportUrl}" id="audit-export" download>Export these records as CSV</a></p>
  <div class="table-wrap" tabindex="0" role="region" aria-label="Audit records">
  <table>
    <thead><tr><th scope="col">Time (UTC)</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP</th><th scope="col">Details</th></tr></thead>
    <tbody>
    <c:forEach var="r" items="${result.rows}">
      <tr>
        <td><c:out value="${r.createdAt}"/></td>
        <td><c:out value="${empty r.username ? '—' : r.username}"/></td>
        <td><code><c:out value="${r.action}"/></code></td>
        <td><c:out value="${r.target}"/></td>
        <td><c:out value="${r.ip}"/></td>
        <td><code class="details"><c:out value="${r.details}"/></code></td>
      </tr>
    </c:forEach>
    <c:if test="${empty result.rows}"><tr><td colspan="6">No audit records match.</td></tr></c:if>
    </tbody>
  </table>
  </div>
  <nav class="pager" aria-label="Pages">
    <c:url var="prevUrl" value="/admin/audit"><c:param name="action" value="${filterAction}"/><c:param name="user" value="${filterUser}"/><c:param name="from" value="${filterFrom}"/><c:param name="to" value="${filterTo}"/><c:param name="page" value="${result.page - 1}"/></c:url>
    <c:url var="nextUrl" value="/admin/audit"><c:param name="action" value="${filterAction}"/><c:param name="user" value="${filterUser}"/><c:param name="from" value="${filterFrom}"/><c:param name="to" value="${filterTo}"/><c:param name="page" value="${result.page + 1}"/></c:url>
    <c:if test="${result.page > 0}"><a href="${prevUrl}" rel="prev">Newer</a></c:if>
    <span>Page ${result.page + 1}</span>
    <c:if test="${result.hasNext}"><a href="${nextUrl}" rel="next">Older</a></c:if>
  </nav>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
