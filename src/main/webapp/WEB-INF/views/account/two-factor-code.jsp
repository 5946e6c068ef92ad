<c:set var="pageTitle" value="Two-factor sign-in"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card narrow">
  <h1>Two-factor sign-in</h1>
  <p>Enter the 6-digit code from your authenticator app.</p>
  <form method="post" action="${pageContext.request.contextPath}/login/two-factor">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="next" value="${fn:escapeXml(next)}">
    <label for="code">Code</label>
    <input id="code" name="code" type="text" autocomplete="one-time-code" maxlength="64" required autofocus
           <c:if test="${not empty codeError}">aria-invalid="true" aria-describedby="code-error"</c:if>>
    <c:if test="${not empty codeError}"><p class="alert error" role="alert" id="code-error"><c:out value="${codeError}"/></p></c:if>
    <button type="submit">Continue</button>
  </form>
  <p class="hint">Lost your phone? Enter one of your recovery codes in the same field. Each works once.</p>
  <p><a href="${pageContext.request.contextPath}/login">Start over</a></p>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
