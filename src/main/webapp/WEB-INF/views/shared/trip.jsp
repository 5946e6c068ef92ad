<%@ page session="false" %>
<c:set var="pageTitle" value="${view.title}"/>
<%@ include file="/WEB-INF/views/shared/_head.jspf" %>
<h1 id="trip-title"><c:out value="${view.title}"/></h1>
<section class="card" aria-labelledby="overview-heading">
  <h2 id="overview-heading" class="sr-only">Overview</h2>
  <p id="trip-dates"><c:choose>
    <c:when test="${empty view.startDate}">No dates yet</c:when>
    <c:when test="${view.startDate == view.endDate}"><c:out value="${view.startDate}"/></c:when>
    <c:otherwise><c:out value="${view.startDate}"/> – <c:out value="${view.endDate}"/></c:otherwise>
  </c:choose></p>
  <c:if test="${not empty view.description}"><p class="description"><c:out value="${view.description}"/></p></c:if>
  <nav aria-label="On this page" class="jump">
    <c:if test="${view.showsMap}"><a href="#days-heading">Days</a> <a href="#places-heading">Places</a></c:if>
    <c:if test="${view.showsBookings}"><a href="#bookings-heading">Bookings</a></c:if>
    <c:if test="${view.showsPacking}"><a href="#packing-heading">Packing</a></c:if>
    <c:if test="${view.showsBudget}"><a href="#budget-heading">Budget</a></c:if>
  </nav>
  <c:if test="${view.truncated}"><p class="alert warn" role="status">This trip is large; some lists below are cut short.</p></c:if>
</section>

<c:if test="${view.showsMap}">
<section class="card" id="shared-days" aria-labelledby="days-heading">
  <h2 id="days-heading">Days</h2>
  <c:if test="${empty view.days}"><p class="muted">No days planned yet.</p></c:if>
  <c:forEach var="d" items="${view.days}">
    <article class="day">
      <h3>Day ${d.number}<c:if test="${not empty d.date}"> · <c:out value="${d.date}"/></c:if><c:if test="${not empty d.title}"> · <c:out value="${d.title}"/></c:if></h3>
      <c:if test="${not empty d.notes}"><p><c:out value="${d.notes}"/></p></c:if>
      <c:choose>
        <c:when test="${empty d.assignments}"><p class="muted">No places planned.</p></c:when>
        <c:otherwise>
          <ol class="plan">
            <c:forEach var="a" items="${d.assignments}">
              <li>
                <c:if test="${not empty a.time}"><span class="time"><c:out value="${a.time}"/><c:if test="${not empty a.endTime}">–<c:out value="${a.endTime}"/></c:if></span></c:if>
                <strong><c:out value="${a.place}"/></strong>
                <c:if test="${not empty a.category}"> <span class="badge"><c:out value="${a.category}"/></span></c:if>
                <c:if test="${not empty a.notes}"><br><span class="muted"><c:out value="${a.notes}"/></span></c:if>
              </li>
            </c:forEach>
          </ol>
        </c:otherwise>
      </c:choose>
      <c:if test="${not empty d.noteList}">
        <ul class="notes" aria-label="Notes for day ${d.number}">
          <c:forEach var="n" items="${d.noteList}">
            <li><c:if test="${not empty n.icon}"><span aria-hidden="true"><c:out value="${n.icon}"/></span> </c:if><c:if test="${not empty n.time}"><span class="time"><c:out value="${n.time}"/></span> </c:if><c:out value="${n.text}"/></li>
          </c:forEach>
        </ul>
      </c:if>
    </article>
  </c:forEach>
</section>

<section class="card" id="shared-places" aria-labelledby="places-heading">
  <h2 id="places-heading">Places <span class="muted">(${fn:length(view.places)})</span></h2>
  <c:choose>
    <c:when test="${empty view.places}"><p class="muted">No places yet.</p></c:when>
    <c:otherwise>
      <ul class="entries">
        <c:forEach var="p" items="${view.places}">
          <li>
            <strong><c:out value="${p.name}"/></strong>
            <c:if test="${not empty p.category}"> <span class="badge"><c:out value="${p.category}"/></span></c:if>
            <c:forEach var="tag" items="${p.tags}"> <span class="badge"><c:out value="${tag}"/></span></c:forEach>
            <c:if test="${not empty p.address}"><br><c:out value="${p.address}"/></c:if>
            <c:if test="${not empty p.notes}"><br><span class="muted"><c:out value="${p.notes}"/></span></c:if>
            <c:if test="${not empty p.mapUrl}"><br><a href="${fn:escapeXml(p.mapUrl)}" rel="noopener noreferrer nofollow">On the map (OpenStreetMap)</a></c:if>
          </li>
        </c:forEach>
      </ul>
    </c:otherwise>
  </c:choose>
</section>
</c:if>

<c:if test="${view.showsBookings}">
<section class="card" id="shared-bookings" aria-labelledby="bookings-heading">
  <h2 id="bookings-heading">Bookings</h2>
  <c:choose>
    <c:when test="${empty view.reservations}"><p class="muted">No bookings.</p></c:when>
    <c:otherwise>
      <ul class="entries" id="shared-reservations">
        <c:forEach var="r" items="${view.reservations}">
          <li>
            <strong><c:out value="${r.title}"/></strong> <span class="badge"><c:out value="${r.type}"/></span>
            <c:if test="${not empty r.status}"> <span class="badge"><c:out value="${r.status}"/></span></c:if>
            <c:if test="${not empty r.day || not empty r.time}"><br><c:out value="${r.day}"/><c:if test="${not empty r.day && not empty r.time}"> · </c:if><c:out value="${r.time}"/><c:if test="${not empty r.endTime}"> – <c:out value="${r.endTime}"/></c:if></c:if>
            <c:if test="${not empty r.location}"><br><c:out value="${r.location}"/></c:if>
            <c:if test="${not empty r.stops}"><br><c:forEach var="stop" items="${r.stops}" varStatus="s"><c:out value="${stop}"/><c:if test="${!s.last}"> → </c:if></c:forEach></c:if>
            <c:if test="${not empty r.notes}"><br><span class="muted"><c:out value="${r.notes}"/></span></c:if>
          </li>
        </c:forEach>
      </ul>
    </c:otherwise>
  </c:choose>
  <c:if test="${not empty view.accommodations}">
    <h3>Accommodations</h3>
    <ul class="entries" id="shared-accommodations">
      <c:forEach var="s" items="${view.accommodations}">
        <li>
          <strong><c:out value="${empty s.place ? 'Accommodation' : s.place}"/></strong>
          <c:if test="${not empty s.address}"><br><c:out value="${s.address}"/></c:if>
          <c:if test="${not empty s.from}"><br><c:out value="${s.from}"/><c:if test="${not empty s.to}"> – <c:out value="${s.to}"/></c:if></c:if>
          <c:if test="${not empty s.checkIn || not empty s.checkOut}"><br>Check-in <c:out value="${empty s.checkIn ? '–' : s.checkIn}"/>, check-out <c:out value="${empty s.checkOut ? '–' : s.checkOut}"/></c:if>
          <c:if test="${not empty s.notes}"><br><span class="muted"><c:out value="${s.notes}"/></span></c:if>
        </li>
      </c:forEach>
    </ul>
  </c:if>
</section>
</c:if>

<c:if test="${view.showsPacking}">
<c:set var="pk" value="${view.packing}"/>
<section class="card" id="shared-packing" aria-labelledby="packing-heading">
  <h2 id="packing-heading">Packing <span class="muted">(${pk.checked} of ${pk.total} packed)</span></h2>
  <c:choose>
    <c:when test="${empty pk.groups}"><p class="muted">Nothing on the packing list.</p></c:when>
    <c:otherwise>
      <c:forEach var="g" items="${pk.groups}">
        <h3><c:out value="${g.category}"/></h3>
        <ul class="checklist">
          <c:forEach var="i" items="${g.items}">
            <li class="${i.checked ? 'done' : ''}"><span class="check" aria-hidden="true">${i.checked ? '☑' : '☐'}</span><span class="sr-only">${i.checked ? 'packed: ' : 'not packed: '}</span>
              <c:out value="${i.name}"/><c:if test="${i.quantity > 1}"> × ${i.quantity}</c:if></li>
          </c:forEach>
        </ul>
      </c:forEach>
    </c:otherwise>
  </c:choose>
</section>
</c:if>

<c:if test="${view.showsBudget}">
<c:set var="b" value="${view.budget}"/>
<section class="card" id="shared-budget" aria-labelledby="budget-heading">
  <h2 id="budget-heading">Budget</h2>
  <p>Total: <strong id="budget-total"><c:out value="${b.total}"/></strong> in ${b.itemCount} item(s).</p>
  <c:if test="${not empty b.items}">
    <ul class="entries" id="shared-budget-items">
      <c:forEach var="i" items="${b.items}">
        <li><span class="amount"><c:out value="${i.total}"/></span> <strong><c:out value="${i.name}"/></strong>
          <c:if test="${not empty i.category}"> <span class="badge"><c:out value="${i.category}"/></span></c:if>
          <c:if test="${not empty i.date}"> <span class="muted"><c:out value="${i.date}"/></span></c:if>
          <c:if test="${not empty i.note}"><br><span class="muted"><c:out value="${i.note}"/></span></c:if></li>
      </c:forEach>
    </ul>
    <h3>By category</h3>
    <ul class="entries">
      <c:forEach var="c" items="${b.byCategory}"><li><span class="amount"><c:out value="${c.total}"/></span> <c:out value="${c.category}"/></li></c:forEach>
    </ul>
  </c:if>
</section>
</c:if>
<%@ include file="/WEB-INF/views/shared/_foot.jspf" %>
