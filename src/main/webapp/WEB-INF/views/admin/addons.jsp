<c:set var="pageTitle" value="Addons"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<c:set var="base" value="${pageContext.request.contextPath}/admin/addons"/>
<c:if test="${not empty confirmAddon}">
<c:set var="what" value="${empty confirmPart ? confirmAddon.name : confirmAddon.name.concat(': ').concat(confirmPart.label)}"/>
<section class="card danger-zone" id="confirm-disable" aria-labelledby="confirm-disable-title">
  <h2 id="confirm-disable-title"><c:out value="Switch off ${what}?"/></h2>
  <c:choose>
    <c:when test="${not empty mcpCut}">
      <p>Switching MCP off stops the AI clients of every user at once, until it is switched on again:</p>
      <ul id="disable-impact">
        <li><strong>${mcpCut.connectedApps()}</strong> connected app(s) of <strong>${mcpCut.users()}</strong> user(s), with
          <strong>${mcpCut.grants()}</strong> live grant(s): their tokens are refused, and no app can connect or
          refresh (the OAuth endpoints answer only while MCP is on);</li>
        <li><strong>${mcpCut.staticTokens()}</strong> static API token(s) (<code>trek_…</code>): refused;</li>
        <li><strong>${mcpCut.sessions()}</strong> open MCP session(s): every request refused.</li>
      </ul>
      <p>Nothing is revoked or deleted: switched on again, the apps and tokens work as before (sessions left idle
        for over an hour end as always).</p>
    </c:when>
    <c:otherwise>
      <p id="disable-impact"><strong>${gone.tools()}</strong> tool(s), <strong>${gone.resources()}</strong> resource(s)
        and <strong>${gone.prompts()}</strong> prompt(s) disappear from the AI clients of every user (open clients
        are told that the lists changed).<c:if test="${gone.nothing()}"> What it adds inside other tools stops.</c:if></p>
      <p>The data is kept: switched on again, everything comes back intact.</p>
    </c:otherwise>
  </c:choose>
  <form method="post" class="inline">
    <input type="hidden" name="${csrfField}" value="${csrf}">
    <input type="hidden" name="addon" value="${fn:escapeXml(confirmAddon.id)}">
    <c:if test="${not empty confirmPart}"><input type="hidden" name="part" value="${fn:escapeXml(confirmPart.key)}"></c:if>
    <input type="hidden" name="enabled" value="false">
    <button type="submit" class="danger" id="confirm-switch-off"><c:out value="Switch off ${what}"/></button>
  </form>
  <a href="${base}">Cancel</a>
</section>
</c:if>
<section class="card">
  <h2>Addons</h2>
  <p class="muted">Switching an addon off asks first and says what it cuts; switching it on is immediate.</p>
  <ul class="addons">
  <c:forEach var="a" items="${addons}">
    <li>
      <div><strong><c:out value="${a.name}"/></strong> <span class="badge ${a.enabled ? 'on' : 'off'}">${a.enabled ? 'On' : 'Off'}</span>
        <p class="muted"><c:out value="${a.description}"/></p></div>
      <c:choose>
        <c:when test="${a.enabled}">
          <a class="button danger" id="toggle-${fn:escapeXml(a.id)}" href="${base}?confirm=${fn:escapeXml(a.id)}#confirm-disable"><c:out value="Disable ${a.name}…"/></a>
        </c:when>
        <c:otherwise>
          <form method="post">
            <input type="hidden" name="${csrfField}" value="${csrf}">
            <input type="hidden" name="addon" value="${fn:escapeXml(a.id)}">
            <input type="hidden" name="enabled" value="true">
            <button type="submit" id="toggle-${fn:escapeXml(a.id)}"><c:out value="Enable ${a.name}"/></button>
          </form>
        </c:otherwise>
      </c:choose>
      <c:if test="${not empty parts[a.id]}">
        <ul class="addon-parts">
        <c:forEach var="p" items="${parts[a.id]}">
          <li>
            <span><c:out value="${p.label}"/> <span class="badge ${p.enabled ? 'on' : 'off'}">${p.enabled ? 'On' : 'Off'}</span></span>
            <c:choose>
              <c:when test="${p.enabled}">
                <a class="button small danger" id="toggle-${fn:escapeXml(a.id)}-${fn:escapeXml(p.key)}"
                   href="${base}?confirm=${fn:escapeXml(a.id)}&amp;part=${fn:escapeXml(p.key)}#confirm-disable"><c:out value="Switch off ${p.label}…"/></a>
              </c:when>
              <c:otherwise>
                <form method="post">
                  <input type="hidden" name="${csrfField}" value="${csrf}">
                  <input type="hidden" name="addon" value="${fn:escapeXml(a.id)}">
                  <input type="hidden" name="part" value="${fn:escapeXml(p.key)}">
                  <input type="hidden" name="enabled" value="true">
                  <button type="submit" class="small" id="toggle-${fn:escapeXml(a.id)}-${fn:escapeXml(p.key)}"><c:out value="Switch on ${p.label}"/></button>
                </form>
              </c:otherwise>
            </c:choose>
          </li>
        </c:forEach>
        </ul>
      </c:if>
    </li>
  </c:forEach>
  </ul>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
