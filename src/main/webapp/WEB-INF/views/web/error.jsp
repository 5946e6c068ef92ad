<%@ page isErrorPage="true" %>
<c:set var="status" value="${empty errorStatus ? requestScope['jakarta.servlet.error.status_code'] : errorStatus}"/>
<c:set var="pageTitle" value="Error"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card narrow">
  <h1><c:choose>
    <c:when test="${status == 403}">Access denied</c:when>
    <c:when test="${status == 404}">Page not found</c:when>
    <c:when test="${status == 400}">Bad request</c:when>
    <c:otherwise>Something went wrong</c:otherwise>
  </c:choose></h1>
  <p><c:out value="${empty errorMessage ? (status == 403 ? 'You do not have permission to open this page.' : (status == 404 ? 'There is nothing at this address.' : 'The request could not be completed.')) : errorMessage}"/></p>
  <c:if test="${not empty errorLink}">
    <p><a id="error-link" href="${fn:escapeXml(errorLink)}" rel="noreferrer"><c:out value="${errorLinkLabel}"/></a></p>
  </c:if>
  <p><a href="${pageContext.request.contextPath}/">Back to TREK</a></p>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
