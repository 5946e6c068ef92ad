<c:set var="pageTitle" value="Home"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<h1>Welcome, <c:out value="${currentUser.username}"/></h1>
<ul class="links">
  <c:if test="${currentUser.admin}">
    <li><a href="${pageContext.request.contextPath}/admin/users">Administration</a></li>
  </c:if>
</ul>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
