<c:set var="pageTitle" value="My trips"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<h1>My trips</h1>
<p class="muted">Trips you own or are a member of, newest first. This view is read-only: it shows what you and your
  assistants (through MCP) have planned.</p>
<section class="card" aria-labelledby="trips-heading">
  <h2 id="trips-heading" class="sr-only">Trips</h2>
  <c:choose>
    <c:when test="${empty list.trips}">
      <p id="no-trips">No trips yet. Ask your assistant to create one (for example with the <code>create_trip</code> tool).</p>
    </c:when>
    <c:otherwise>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Trips">
      <table id="trips">
        <thead><tr><th scope="col">Trip</th><th scope="col">Dates</th><th scope="col">Your role</th><th scope="col">Days</th><th scope="col">Places</th><th scope="col">People</th></tr></thead>
        <tbody>
        <c:forEach var="t" items="${list.trips}">
          <tr>
            <td><a href="${pageContext.request.contextPath}/trips/${t.id}"><c:out value="${t.title}"/></a>
              <c:if test="${t.archived}"><span class="badge off">archived</span></c:if></td>
            <td><c:choose>
              <c:when test="${empty t.startDate}"><span class="muted">no dates</span></c:when>
              <c:when test="${t.startDate == t.endDate}"><c:out value="${t.startDate}"/></c:when>
              <c:otherwise><c:out value="${t.startDate}"/> – <c:out value="${t.endDate}"/></c:otherwise>
            </c:choose></td>
            <td><c:out value="${t.role}"/></td>
            <td>${t.days}</td>
            <td>${t.places}</td>
            <td>${t.people}</td>
          </tr>
        </c:forEach>
        </tbody>
      </table>
      </div>
    </c:otherwise>
  </c:choose>
  <nav class="pager" aria-label="Pages">
    <c:if test="${list.page > 1}"><a href="${pageContext.request.contextPath}/trips?page=${list.page - 1}" rel="prev">Newer trips</a></c:if>
    <span>Page ${list.page}</span>
    <c:if test="${list.hasNext}"><a href="${pageContext.request.contextPath}/trips?page=${list.page + 1}" rel="next">Older trips</a></c:if>
  </nav>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
