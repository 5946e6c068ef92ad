<c:set var="pageTitle" value="Home"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<h1>Welcome, <c:out value="${currentUser.username}"/></h1>
<ul class="links">
  <li><a href="${pageContext.request.contextPath}/trips" id="home-trips">My trips</a>: your trips as your assistants left
    them (days, places, bookings, budget, packing), read-only</li>
  <li><a href="${pageContext.request.contextPath}/settings/mcp" id="home-integrations">Settings → Integrations → MCP</a>:
    connect an AI assistant (OAuth clients, API tokens, connected apps)</li>
  <c:if test="${currentUser.admin}">
    <li><a href="${pageContext.request.contextPath}/admin/users">Administration</a></li>
  </c:if>
</ul>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
