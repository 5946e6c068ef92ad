<%@ page session="false" %>
<c:set var="pageTitle" value="Too many requests"/>
<%@ include file="/WEB-INF/views/shared/_head.jspf" %>
<section class="card narrow">
  <h1>Too many requests</h1>
  <p id="shared-limited">This address opened shared pages too often. Please try again in ${retryAfter} seconds.</p>
</section>
<%@ include file="/WEB-INF/views/shared/_foot.jspf" %>
