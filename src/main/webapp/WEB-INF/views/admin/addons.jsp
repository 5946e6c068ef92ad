<c:set var="pageTitle" value="Addons"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<%@ include file="/WEB-INF/views/web/_admin_tabs.jspf" %>
<section class="card">
  <h2>Addons</h2>
  <ul class="addons">
  <c:forEach var="a" items="${addons}">
    <li>
      <div><strong><c:out value="${a.name}"/></strong> <span class="badge ${a.enabled ? 'on' : 'off'}">${a.enabled ? 'On' : 'Off'}</span>
        <p class="muted"><c:out value="${a.description}"/></p></div>
      <form method="post">
        <input type="hidden" name="${csrfField}" value="${csrf}">
        <input type="hidden" name="addon" value="${fn:escapeXml(a.id)}">
        <input type="hidden" name="enabled" value="${a.enabled ? 'false' : 'true'}">
        <button type="submit" id="toggle-${fn:escapeXml(a.id)}">${a.enabled ? 'Disable' : 'Enable'} <c:out value="${a.name}"/></button>
      </form>
      <c:if test="${not empty parts[a.id]}">
        <ul class="addon-parts">
        <c:forEach var="p" items="${parts[a.id]}">
          <li>
            <span><c:out value="${p.label}"/> <span class="badge ${p.enabled ? 'on' : 'off'}">${p.enabled ? 'On' : 'Off'}</span></span>
            <form method="post">
              <input type="hidden" name="${csrfField}" value="${csrf}">
              <input type="hidden" name="addon" value="${fn:escapeXml(a.id)}">
              <input type="hidden" name="part" value="${fn:escapeXml(p.key)}">
              <input type="hidden" name="enabled" value="${p.enabled ? 'false' : 'true'}">
              <button type="submit" id="toggle-${fn:escapeXml(a.id)}-${fn:escapeXml(p.key)}">${p.enabled ? 'Switch off' : 'Switch on'} <c:out value="${p.label}"/></button>
            </form>
          </li>
        </c:forEach>
        </ul>
      </c:if>
    </li>
  </c:forEach>
  </ul>
</section>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
