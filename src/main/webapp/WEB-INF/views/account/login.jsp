<c:set var="pageTitle" value="Sign in"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card narrow">
  <c:choose>
    <c:when test="${not empty continuingTo}">
      <h1 id="sign-in-purpose">Sign in to continue to <c:out value="${continuingTo}"/></h1>
      <p class="muted">After you sign in, TREK shows what this application asks for and you decide (unless you allowed exactly this before).</p>
    </c:when>
    <c:otherwise><h1>Sign in to TREK</h1></c:otherwise>
  </c:choose>
  <c:if test="${not empty info}"><p class="alert ok" role="status"><c:out value="${info}"/></p></c:if>
  <c:if test="${not empty error}"><p class="alert error" role="alert" id="login-error"><c:out value="${error}"/></p></c:if>
  <form method="post" action="${pageContext.request.contextPath}/login">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="next" value="${fn:escapeXml(next)}">
    <label for="login">E-mail or username</label>
    <input id="login" name="login" type="text" autocomplete="username" required autofocus value="${fn:escapeXml(login)}">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
