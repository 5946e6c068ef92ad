<c:set var="pageTitle" value="Audit log"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<section class="card">
  <h2>Audit log</h2>
  <form method="get" class="filters">
    <span class="field">
    <label for="f-action">Action</label>
    <select id="f-action" name="action">
      <option value="">All actions</option>
      <c:forEach var="act" items="${actions}">
        <option value="${fn:escapeXml(act)}" ${act == filterAction ? 'selected' : ''}><c:out value="${act}"/></option>
      </c:forEach>
    </select>
    </span>
    <span class="field"><label for="f-user">User</label><input id="f-user" name="user" value="${fn:escapeXml(filterUser)}" placeholder="username"></span>
    <span class="field">
      <label for="f-from">From</label><input id="f-from" name="from" type="date" value="${fn:escapeXml(filterFrom)}"
        <c:if test="${not empty errors.from}">aria-invalid="true" aria-describedby="f-from-error"</c:if>>
      <c:if test="${not empty errors.from}"><span class="field-error" id="f-from-error" role="alert"><c:out value="${errors.from}"/></span></c:if>
    </span>
    <span class="field">
      <label for="f-to">To</label><input id="f-to" name="to" type="date" value="${fn:escapeXml(filterTo)}"
        <c:if test="${not empty errors.to}">aria-invalid="true" aria-describedby="f-to-error"</c:if>>
      <c:if test="${not empty errors.to}"><span class="field-error" id="f-to-error" role="alert"><c:out value="${errors.to}"/></span></c:if>
    </span>
    <button type="submit">Filter</button>
  </form>
  <p class="muted">Times are UTC. MCP tool calls and refusals name the user the AI client acted for and the client by its
    name (“static token” for a <code>trek_</code> token); a refusal before any valid token shows “—”.</p>
  <c:url var="exportUrl" value="/admin/audit/export.csv"><c:param name="action" value="${filterAction}"/><c:param name="user" value="${filterUser}"/><c:param name="from" value="${filterFrom}"/><c:param name="to" value="${filterTo}"/></c:url>
  <p><a href="${exportUrl}" id="audit-export" download>Export these records as CSV</a></p>
  <div class="table-wrap" tabindex="0" role="region" aria-label="Audit records">
  <table>
    <thead><tr><th scope="col">Time (UTC)</th><th scope="col">User</th><th scope="col">Client</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP</th><th scope="col">Details</th></tr></thead>
    <tbody>
    <c:forEach var="r" items="${rows}">
      <tr>
        <td><time datetime="${fn:escapeXml(r.time)}Z"><c:out value="${r.time}"/></time></td>
        <td><c:out value="${empty r.username ? '—' : r.username}"/></td>
        <td><c:out value="${empty r.client ? '—' : r.client}"/></td>
        <td><code><c:out value="${r.action}"/></code></td>
        <td><c:out value="${r.target}"/></td>
        <td><c:out value="${r.ip}"/></td>
        <td><c:if test="${not empty r.details}"><ul class="details"><c:forEach var="d" items="${r.details}"><li><c:out value="${d}"/></li></c:forEach></ul></c:if></td>
      </tr>
    </c:forEach>
    <c:if test="${empty errors and empty rows}"><tr><td colspan="7">No audit records match.</td></tr></c:if>
    <c:if test="${not empty errors}"><tr><td colspan="7">Correct the dates above to see records.</td></tr></c:if>
    </tbody>
  </table>
  </div>
  <c:if test="${empty errors}">
  <nav class="pager" aria-label="Pages">
    <c:url var="prevUrl" value="/admin/audit"><c:param name="action" value="${filterAction}"/><c:param name="user" value="${filterUser}"/><c:param name="from" value="${filterFrom}"/><c:param name="to" value="${filterTo}"/><c:param name="page" value="${result.page - 1}"/></c:url>
    <c:url var="nextUrl" value="/admin/audit"><c:param name="action" value="${filterAction}"/><c:param name="user" value="${filterUser}"/><c:param name="from" value="${filterFrom}"/><c:param name="to" value="${filterTo}"/><c:param name="page" value="${result.page + 1}"/></c:url>
    <c:if test="${result.page > 0}"><a href="${prevUrl}" rel="prev">Newer</a></c:if>
    <span>Page ${result.page + 1}</span>
    <c:if test="${result.hasNext}"><a href="${nextUrl}" rel="next">Older</a></c:if>
  </nav>
  </c:if>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
