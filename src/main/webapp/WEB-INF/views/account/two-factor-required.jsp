<c:set var="pageTitle" value="Set up two-factor sign-in"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card narrow">
  <h1>Set up two-factor sign-in</h1>
  <p class="alert warn">Your administrator requires two-factor sign-in. Set it up now to continue; you are not signed in until it is done.</p>
  <%@ include file="/WEB-INF/views/account/_two_factor_enrol.jspf" %>
  <p><a href="${pageContext.request.contextPath}/login">Start over</a></p>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
