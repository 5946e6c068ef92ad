<%@ page session="false" %>
<c:set var="pageTitle" value="Link not found"/>
<%@ include file="/WEB-INF/views/shared/_head.jspf" %>
<section class="card narrow">
  <h1>Link not found</h1>
  <p id="shared-missing">This share link does not exist or is no longer shared.</p>
</section>
<%@ include file="/WEB-INF/views/shared/_foot.jspf" %>
