<c:set var="trip" value="${view.trip}"/>
<c:set var="pageTitle" value="${trip.title}"/>
<%@ include file="/WEB-INF/views/web/_header.jspf" %>
<p><a href="${pageContext.request.contextPath}/trips">← My trips</a></p>
<h1 id="trip-title"><c:out value="${trip.title}"/></h1>
<section class="card" aria-labelledby="overview-heading">
  <h2 id="overview-heading" class="sr-only">Overview</h2>
  <dl class="facts">
    <dt>Dates</dt>
    <dd><c:choose>
      <c:when test="${empty trip.startDate}">no dates</c:when>
      <c:when test="${trip.startDate == trip.endDate}"><c:out value="${trip.startDate}"/></c:when>
      <c:otherwise><c:out value="${trip.startDate}"/> – <c:out value="${trip.endDate}"/></c:otherwise>
    </c:choose><c:if test="${trip.archived}"> <span class="badge off">archived</span></c:if></dd>
    <dt>Your role</dt><dd id="trip-role"><c:out value="${view.role}"/></dd>
    <dt>People</dt>
    <dd><c:forEach var="p" items="${view.people}" varStatus="s"><c:out value="${p.username}"/><c:if test="${p.role == 'owner'}"> (owner)</c:if><c:if test="${!s.last}">, </c:if></c:forEach></dd>
    <dt>Currency</dt><dd><c:out value="${trip.currency}"/></dd>
  </dl>
  <c:if test="${not empty trip.description}"><p class="description"><c:out value="${trip.description}"/></p></c:if>
  <nav aria-label="On this page" class="jump">
    <a href="#days-heading">Days</a>
    <a href="#places-heading">Places</a>
    <a href="#bookings-heading">Bookings</a>
    <c:if test="${not empty view.budget}"><a href="#budget-heading">Budget</a></c:if>
    <c:if test="${not empty view.packing}"><a href="#packing-heading">Packing</a> <a href="#todos-heading">To-dos</a></c:if>
  </nav>
</section>

<section class="card" id="days" aria-labelledby="days-heading">
  <h2 id="days-heading">Days</h2>
  <c:if test="${view.assignmentsTruncated}">
    <p class="alert warn" role="status">This trip has more than ${view.assignmentCap} planned visits; only the first ${view.assignmentCap} are shown.</p>
  </c:if>
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
                <c:if test="${not empty a.participants}"> <span class="muted">with <c:forEach var="n" items="${a.participants}" varStatus="s"><c:out value="${n}"/><c:if test="${!s.last}">, </c:if></c:forEach></span></c:if>
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
      <c:forEach var="s" items="${d.stays}">
        <p class="stay"><c:choose>
          <c:when test="${s.kind == 'checkIn'}">Check-in at</c:when>
          <c:when test="${s.kind == 'checkOut'}">Check-out from</c:when>
          <c:otherwise>Staying at</c:otherwise>
        </c:choose> <strong><c:out value="${empty s.place ? 'the accommodation' : s.place}"/></strong><c:choose>
          <c:when test="${s.kind == 'checkIn' && not empty s.checkIn}"> from <c:out value="${s.checkIn}"/></c:when>
          <c:when test="${s.kind == 'checkOut' && not empty s.checkOut}"> by <c:out value="${s.checkOut}"/></c:when>
        </c:choose></p>
      </c:forEach>
    </article>
  </c:forEach>
  <c:if test="${not empty view.accommodations}">
    <h3>Accommodations</h3>
    <div class="table-wrap" tabindex="0" role="region" aria-label="Accommodations">
    <table id="accommodations">
      <thead><tr><th scope="col">Place</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Check-in</th><th scope="col">Check-out</th><th scope="col">Confirmation</th><th scope="col">Notes</th></tr></thead>
      <tbody>
      <c:forEach var="s" items="${view.accommodations}">
        <tr><td><c:out value="${s.place}"/></td><td><c:out value="${s.from}"/></td><td><c:out value="${s.to}"/></td>
          <td><c:out value="${s.checkIn}"/></td><td><c:out value="${s.checkOut}"/></td><td><c:out value="${s.confirmation}"/></td><td><c:out value="${s.notes}"/></td></tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
  </c:if>
</section>

<section class="card" id="places" aria-labelledby="places-heading">
  <h2 id="places-heading">Places <span class="muted">(${view.placeCount})</span></h2>
  <c:choose>
    <c:when test="${empty view.places}"><p class="muted">No places<c:if test="${view.placePage > 1}"> on this page</c:if>.</p></c:when>
    <c:otherwise>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Places">
      <table id="places-table">
        <thead><tr><th scope="col">Name</th><th scope="col">Category</th><th scope="col">Tags</th><th scope="col">Address</th><th scope="col">Notes</th></tr></thead>
        <tbody>
        <c:forEach var="p" items="${view.places}">
          <tr><td><c:out value="${p.name}"/></td><td><c:out value="${p.category}"/></td>
            <td><c:forEach var="tag" items="${p.tags}"><span class="badge"><c:out value="${tag}"/></span></c:forEach></td>
            <td><c:out value="${p.address}"/></td><td><c:out value="${p.notes}"/></td></tr>
        </c:forEach>
        </tbody>
      </table>
      </div>
      <p class="muted">Showing places ${view.placesFrom}–${view.placesTo} of ${view.placeCount}.</p>
    </c:otherwise>
  </c:choose>
  <nav class="pager" aria-label="Place pages">
    <c:if test="${view.placePage > 1}"><a href="${pageContext.request.contextPath}/trips/${tripId}?places=${view.placePage - 1}#places" rel="prev">Previous places</a></c:if>
    <c:if test="${view.placesMore}"><a id="more-places" href="${pageContext.request.contextPath}/trips/${tripId}?places=${view.placePage + 1}#places" rel="next">More places</a></c:if>
  </nav>
</section>

<section class="card" id="bookings" aria-labelledby="bookings-heading">
  <h2 id="bookings-heading">Bookings and transport</h2>
  <c:choose>
    <c:when test="${empty view.reservations}"><p class="muted">No bookings.</p></c:when>
    <c:otherwise>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Bookings">
      <table id="reservations">
        <thead><tr><th scope="col">Title</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Day</th><th scope="col">Time</th><th scope="col">Where</th><th scope="col">Confirmation</th></tr></thead>
        <tbody>
        <c:forEach var="r" items="${view.reservations}">
          <tr><td><c:out value="${r.title}"/><c:if test="${not empty r.notes}"><br><span class="muted"><c:out value="${r.notes}"/></span></c:if></td>
            <td><c:out value="${r.type}"/></td><td><c:out value="${r.status}"/></td><td><c:out value="${r.day}"/></td>
            <td><c:out value="${r.time}"/><c:if test="${not empty r.endTime}"> – <c:out value="${r.endTime}"/></c:if></td>
            <td><c:out value="${r.location}"/><c:if test="${not empty r.stops}"><c:forEach var="stop" items="${r.stops}" varStatus="s"><c:if test="${s.first && not empty r.location}"><br></c:if><c:out value="${stop}"/><c:if test="${!s.last}"> → </c:if></c:forEach></c:if></td>
            <td><c:out value="${r.confirmation}"/></td></tr>
        </c:forEach>
        </tbody>
      </table>
      </div>
      <c:if test="${view.reservationsMore}"><p class="muted">Only the first ${fn:length(view.reservations)} bookings are shown.</p></c:if>
    </c:otherwise>
  </c:choose>
</section>

<c:if test="${not empty view.budget}">
<c:set var="b" value="${view.budget}"/>
<section class="card" id="budget" aria-labelledby="budget-heading">
  <h2 id="budget-heading">Budget</h2>
  <p>Total: <strong id="budget-total"><c:out value="${b.total}"/></strong> in ${b.itemCount} item(s).</p>
  <c:if test="${not empty b.items}">
    <div class="table-wrap" tabindex="0" role="region" aria-label="Budget items">
    <table id="budget-items">
      <caption class="sr-only">Budget items</caption>
      <thead><tr><th scope="col">Item</th><th scope="col">Category</th><th scope="col">Amount</th><th scope="col">Paid by</th><th scope="col">Split between</th><th scope="col">Note</th></tr></thead>
      <tbody>
      <c:forEach var="i" items="${b.items}">
        <tr><td><c:out value="${i.name}"/></td><td><c:out value="${i.category}"/></td><td class="num"><c:out value="${i.total}"/></td>
          <td><c:out value="${i.paidBy}"/></td>
          <td><c:forEach var="n" items="${i.splitBetween}" varStatus="s"><c:out value="${n}"/><c:if test="${!s.last}">, </c:if></c:forEach></td>
          <td><c:out value="${i.note}"/></td></tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
    <c:if test="${b.itemsMore}"><p class="muted">Only the first ${fn:length(b.items)} items are shown; the totals cover all ${b.itemCount}.</p></c:if>
    <h3>By category</h3>
    <div class="table-wrap" tabindex="0" role="region" aria-label="Budget by category">
    <table id="budget-categories">
      <thead><tr><th scope="col">Category</th><th scope="col">Total</th></tr></thead>
      <tbody>
      <c:forEach var="c" items="${b.byCategory}"><tr><td><c:out value="${c.category}"/></td><td class="num"><c:out value="${c.total}"/></td></tr></c:forEach>
      </tbody>
    </table>
    </div>
    <h3>Per person</h3>
    <c:choose>
      <c:when test="${empty b.shares}"><p class="muted">No item is split between people yet.</p></c:when>
      <c:otherwise>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Budget per person">
        <table id="budget-people">
          <thead><tr><th scope="col">Person</th><th scope="col">Share</th><th scope="col">Paid</th><th scope="col">Outstanding</th></tr></thead>
          <tbody>
          <c:forEach var="s" items="${b.shares}"><tr><td><c:out value="${s.username}"/></td><td class="num"><c:out value="${s.share}"/></td><td class="num"><c:out value="${s.paid}"/></td><td class="num"><c:out value="${s.outstanding}"/></td></tr></c:forEach>
          </tbody>
        </table>
        </div>
      </c:otherwise>
    </c:choose>
    <p class="muted">Not split between anyone: <c:out value="${b.unsplit}"/>.</p>
    <c:if test="${not empty b.transfers}">
      <ul id="budget-transfers"><c:forEach var="t" items="${b.transfers}"><li><c:out value="${t.from}"/> owes <c:out value="${t.to}"/> <c:out value="${t.amount}"/></li></c:forEach></ul>
    </c:if>
  </c:if>
</section>
</c:if>

<c:if test="${not empty view.packing}">
<c:set var="pk" value="${view.packing}"/>
<section class="card" id="packing" aria-labelledby="packing-heading">
  <h2 id="packing-heading">Packing <span class="muted">(${pk.checked} of ${pk.total} packed)</span></h2>
  <c:choose>
    <c:when test="${empty pk.groups}"><p class="muted">Nothing on the packing list.</p></c:when>
    <c:otherwise>
      <c:forEach var="g" items="${pk.groups}">
        <h3><c:out value="${g.category}"/></h3>
        <ul class="checklist">
          <c:forEach var="i" items="${g.items}">
            <li class="${i.checked ? 'done' : ''}"><span class="check" aria-hidden="true">${i.checked ? '☑' : '☐'}</span><span class="sr-only">${i.checked ? 'packed: ' : 'not packed: '}</span>
              <c:out value="${i.name}"/><c:if test="${i.quantity > 1}"> × ${i.quantity}</c:if>
              <c:if test="${not empty i.bag}"> <span class="badge"><c:out value="${i.bag}"/></span></c:if></li>
          </c:forEach>
        </ul>
      </c:forEach>
      <c:if test="${pk.more}"><p class="muted">Only the first ${pk.cap} items are shown.</p></c:if>
    </c:otherwise>
  </c:choose>
</section>

<section class="card" id="todos" aria-labelledby="todos-heading">
  <h2 id="todos-heading">To-dos</h2>
  <c:choose>
    <c:when test="${empty view.todos}"><p class="muted">No to-dos.</p></c:when>
    <c:otherwise>
      <ul class="checklist">
        <c:forEach var="t" items="${view.todos}">
          <li class="${t.checked ? 'done' : ''}"><span class="check" aria-hidden="true">${t.checked ? '☑' : '☐'}</span><span class="sr-only">${t.checked ? 'done: ' : 'open: '}</span>
            <c:out value="${t.name}"/>
            <c:if test="${not empty t.category}"> <span class="badge"><c:out value="${t.category}"/></span></c:if>
            <c:if test="${not empty t.due}"> <span class="muted">due <c:out value="${t.due}"/></span></c:if>
            <c:if test="${not empty t.assignee}"> <span class="muted">· <c:out value="${t.assignee}"/></span></c:if>
            <c:if test="${not empty t.description}"><br><span class="muted"><c:out value="${t.description}"/></span></c:if></li>
        </c:forEach>
      </ul>
      <c:if test="${view.todosMore}"><p class="muted">Only the first ${fn:length(view.todos)} to-dos are shown.</p></c:if>
    </c:otherwise>
  </c:choose>
</section>
</c:if>
<%@ include file="/WEB-INF/views/web/_footer.jspf" %>
