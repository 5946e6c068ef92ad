<c:set var="pageTitle" value="Security"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<section class="card">
  <h1>Two-factor sign-in</h1>
  <c:choose>
    <c:when test="${not empty newCodes}">
      <p class="alert ok" role="status">Two-factor sign-in is on.</p>
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
      <c:choose>
        <c:when test="${required}">
          <p>Your administrator requires two-factor sign-in, so it cannot be turned off. Lost your phone and your
            recovery codes? An administrator can reset it.</p>
        </c:when>
        <c:otherwise>
          <h2>Turn off</h2>
          <form method="post">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="action" value="disable">
            <label for="password">Your password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required
                   <c:if test="${not empty passwordError}">aria-invalid="true" aria-describedby="password-error"</c:if>>
            <c:if test="${not empty passwordError}"><p class="alert error" role="alert" id="password-error"><c:out value="${passwordError}"/></p></c:if>
            <button type="submit" class="danger">Turn off two-factor sign-in</button>
          </form>
        </c:otherwise>
      </c:choose>
      <p>To get new recovery codes or move to another phone, turn it off and set it up again.</p>
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
