<c:set var="pageTitle" value="Change password"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card narrow">
  <h1>Change password</h1>
  <p class="muted">Settings → Account</p>
  <c:if test="${required}">
    <p class="alert warn" role="status" id="password-required">Your password was set by an administrator. Choose your own
      password to continue<c:if test="${not empty next}"> where you were going</c:if>.</p>
  </c:if>
  <form method="post" action="${pageContext.request.contextPath}/settings/password" novalidate>
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="next" value="${fn:escapeXml(next)}">
    <input type="text" name="username" autocomplete="username" value="${fn:escapeXml(currentUser.username)}" hidden>
    <label for="current">Current password</label>
    <input id="current" name="current" type="password" autocomplete="current-password" required maxlength="${maxLength}"
      <c:if test="${errorField == 'current'}">aria-invalid="true" aria-describedby="current-error" autofocus</c:if>>
    <c:if test="${errorField == 'current'}"><span class="field-error" id="current-error" role="alert"><c:out value="${error}"/></span></c:if>
    <label for="password">New password</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${minLength}" maxlength="${maxLength}"
      aria-describedby="password-hint${errorField == 'password' ? ' password-error' : ''}"
      <c:if test="${errorField == 'password'}">aria-invalid="true" autofocus</c:if>>
    <c:if test="${errorField == 'password'}"><span class="field-error" id="password-error" role="alert"><c:out value="${error}"/></span></c:if>
    <small class="muted" id="password-hint">At least ${minLength} characters (up to ${maxLength}, spaces and any
      characters allowed). Not a common or breached password, not your username or e-mail address. A few unrelated
      words make a good one.</small>
    <label for="confirm">New password again</label>
    <input id="confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="${maxLength}"
      <c:if test="${errorField == 'confirm'}">aria-invalid="true" aria-describedby="confirm-error" autofocus</c:if>>
    <c:if test="${errorField == 'confirm'}"><span class="field-error" id="confirm-error" role="alert"><c:out value="${error}"/></span></c:if>
    <button type="submit">Change password</button>
  </form>
  <p class="muted">Changing your password signs you out in every other browser.</p>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
