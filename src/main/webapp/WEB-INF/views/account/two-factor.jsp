<c:set var="pageTitle" value="Security"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card">
  <h1>Two-factor sign-in</h1>
  <c:choose>
    <c:when test="${not empty newCodes}">
      <p class="alert ok" role="status">Two-factor sign-in is on.<c:if test="${renewed}"> Your old recovery codes no longer work.</c:if></p>
      <h2>Your recovery codes</h2>
      <p>If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them
        somewhere safe, such as a password manager. <strong>They are shown only now.</strong></p>
      <ul id="recovery-codes" class="recovery-codes"><c:forEach var="c" items="${newCodes}"><li><code><c:out value="${c}"/></code></li></c:forEach></ul>
      <p><a class="button" href="${pageContext.request.contextPath}${fn:escapeXml(next)}">I have saved them, continue</a></p>
    </c:when>
    <c:when test="${not empty qrDataUri}">
      <%@ include file="/WEB-INF/views/account/_two_factor_enrol.jspf" %>
      <form method="post" class="inline">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="cancel">
        <button type="submit" class="secondary">Cancel</button>
      </form>
    </c:when>
    <c:when test="${enrolled}">
      <p id="two-factor-status">Two-factor sign-in is <strong>on</strong>. Signing in asks for a code from your authenticator
        app after your password. Recovery codes left: <strong>${codesLeft}</strong>.</p>
      <h2>New recovery codes</h2>
      <p>Used some, or lost the list? New codes replace all the old ones, used or not.</p>
      <form method="post" id="new-codes-form">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="new-codes">
        <c:set var="codesError" value="${passwordFor == 'new-codes' ? passwordError : ''}"/>
        <label for="codes-password">Your password</label>
        <input id="codes-password" name="password" type="password" autocomplete="current-password" required
               <c:if test="${not empty codesError}">aria-invalid="true" aria-describedby="codes-password-error"</c:if>>
        <c:if test="${not empty codesError}"><p class="alert error" role="alert" id="codes-password-error"><c:out value="${codesError}"/></p></c:if>
        <button type="submit" id="new-codes">Get new recovery codes</button>
      </form>
      <c:choose>
        <c:when test="${required}">
          <p>Your administrator requires two-factor sign-in, so it cannot be turned off. Moving to another phone, or lost
            your phone and your recovery codes? An administrator can reset it; you then set it up again at your next
            sign-in.</p>
        </c:when>
        <c:otherwise>
          <h2>Turn off</h2>
          <form method="post">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="action" value="disable">
            <c:set var="offError" value="${passwordFor != 'new-codes' ? passwordError : ''}"/>
            <label for="password">Your password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required
                   <c:if test="${not empty offError}">aria-invalid="true" aria-describedby="password-error"</c:if>>
            <c:if test="${not empty offError}"><p class="alert error" role="alert" id="password-error"><c:out value="${offError}"/></p></c:if>
            <button type="submit" class="danger">Turn off two-factor sign-in</button>
          </form>
          <p>To move to another phone, turn it off and set it up again.</p>
        </c:otherwise>
      </c:choose>
    </c:when>
    <c:otherwise>
      <p id="two-factor-status">Two-factor sign-in is <strong>off</strong>. With it on, signing in also asks for a
        6-digit code from an authenticator app on your phone, so your password alone is not enough, also for the AI
        apps you connect to TREK.</p>
      <form method="post">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="action" value="start">
        <button type="submit">Set up two-factor sign-in</button>
      </form>
    </c:otherwise>
  </c:choose>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
