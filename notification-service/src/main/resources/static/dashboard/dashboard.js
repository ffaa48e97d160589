// fieldops admin dashboard: log in with auth-service, show today's counts, today's bookings and
// the live feed of bookings, job cards and tickets. Plain JavaScript, no build step. Every value
// from the server is written with textContent (or as a text node): never as HTML.
"use strict";

const TOKENS = "fieldops.dashboard.tokens";
const FEED_LIMIT = 50;

const state = {
  access: null,
  refresh: null,
  user: null,
  lastId: 0,
  seen: new Set(),
  unread: 0,
  stomp: null,
  countsRequest: 0, // the latest counts request: an older answer arriving later is dropped
  countsTimer: null,
  dayTimer: null,
};

const $ = (id) => document.getElementById(id);

// ---- tokens -----------------------------------------------------------------------------------

function claims(jwt) {
  const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  const json = decodeURIComponent(
    [...atob(part)].map((c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
  return JSON.parse(json);
}

function saveTokens(tokens) {
  state.access = tokens.access;
  state.refresh = tokens.refresh;
  state.user = claims(tokens.access);
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
}

function expiresSoon() {
  return !state.user || state.user.exp * 1000 - Date.now() < 60_000;
}

async function refreshTokens() {
  const response = await fetch("/api/auth/token/refresh/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh: state.refresh }),
  });
  if (!response.ok) {
    throw new Error("session ended");
  }
  saveTokens(await response.json());
}

async function freshAccessToken() {
  if (expiresSoon()) {
    await refreshTokens();
  }
  return state.access;
}

// ---- HTTP -------------------------------------------------------------------------------------

async function api(path, options = {}) {
  const send = async () =>
    fetch(path, {
      ...options,
      headers: { ...(options.headers || {}), Authorization: "Bearer " + (await freshAccessToken()) },
    });
  let response = await send();
  if (response.status === 401) {
    await refreshTokens();
    response = await send();
  }
  if (response.status === 401) {
    logout("Your session has ended; log in again.");
    throw new Error("unauthorised");
  }
  return response;
}

async function problemText(response) {
  try {
    const body = await response.json();
    const details = body.details ? Object.values(body.details).join(" ") : "";
    return [body.message || body.detail || response.statusText, details].filter(Boolean).join(" ");
  } catch {
    return response.status + " " + response.statusText;
  }
}

// ---- log in / out -----------------------------------------------------------------------------

async function login(event) {
  event.preventDefault();
  $("login-error").textContent = "";
  const body = { email: $("email").value.trim(), password: $("password").value };
  if ($("organization").value.trim()) {
    body.organization = $("organization").value.trim();
  }
  const response = await fetch("/api/auth/login/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    $("login-error").textContent = await problemText(response);
    return;
  }
  const answer = await response.json();
  saveTokens(answer.tokens);
  $("password").value = "";
  await start(answer.user);
}

function logout(message) {
  sessionStorage.removeItem(TOKENS);
  if (state.stomp) {
    state.stomp.deactivate();
    state.stomp = null;
  }
  if (state.refresh) {
    fetch("/api/auth/logout/", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh: state.refresh }),
    }).catch(() => {});
  }
  clearTimeout(state.countsTimer);
  clearTimeout(state.dayTimer);
  Object.assign(state, { access: null, refresh: null, user: null, lastId: 0, unread: 0 });
  state.countsRequest++;
  state.seen.clear();
  $("feed").replaceChildren();
  $("bookings").tBodies[0].replaceChildren();
  resetCounts();
  $("board").hidden = true;
  $("who").hidden = true;
  $("login-view").hidden = false;
  $("login-error").textContent = message || "";
}

// ---- the board --------------------------------------------------------------------------------

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function start(user) {
  $("login-view").hidden = true;
  $("board").hidden = false;
  $("who").hidden = false;
  const name = [state.user.given_name, state.user.family_name].filter(Boolean).join(" ");
  $("who-name").textContent = name || state.user.email || "";
  $("who-org").textContent = user && user.organization ? user.organization.name : "";
  $("today").textContent = today();
  scheduleNewDay();
  // the counters are an extra: without them the board still goes live
  const counts = loadCounts().catch((err) => {
    $("counts-error").textContent = "Counts unavailable: " + err.message;
  });
  await Promise.all([loadBookings(), loadFeed(), loadUnread(), counts]);
  connect();
}

/** booking-service's staff list of today, all pages (100 a page). */
async function loadBookings() {
  const day = today();
  for (let page = 1; ; page++) {
    const response = await api(
      `/api/v1/bookings/?date_from=${day}&date_to=${day}&size=100&page=${page}`);
    if (!response.ok) {
      $("bookings-error").textContent = await problemText(response);
      return;
    }
    $("bookings-error").textContent = "";
    const body = await response.json();
    for (const booking of body.results || []) {
      upsertBooking(booking, false);
    }
    if (page * body.size >= body.count) break;
  }
  $("no-bookings").hidden = $("bookings").tBodies[0].rows.length > 0;
  showBookingsCount();
  $("count-bookings-today").closest(".tile").dataset.shown = "true";
}

function customerOf(booking) {
  // a booking from the list carries "customer", a notification "user_details"
  const user = booking.customer || booking.user_details || {};
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return name || user.username || booking.phone || "";
}

function upsertBooking(booking, fresh) {
  if (booking.booking_date !== today()) {
    return;
  }
  const body = $("bookings").tBodies[0];
  let row = body.querySelector(`tr[data-id="${CSS.escape(String(booking.id))}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.id = booking.id;
    row.dataset.time = booking.booking_time || "";
    for (let i = 0; i < 4; i++) {
      row.appendChild(document.createElement("td"));
    }
    const after = [...body.rows].find((r) => r.dataset.time > row.dataset.time);
    body.insertBefore(row, after || null);
  }
  const cells = row.cells;
  cells[0].textContent = (booking.booking_time || "").slice(0, 5);
  if (booking.service_name) cells[1].textContent = booking.service_name;
  const customer = customerOf(booking);
  if (customer) cells[2].textContent = customer;
  if (booking.status) cells[3].textContent = booking.status;
  if (fresh) {
    row.classList.remove("fresh");
    void row.offsetWidth; // restart the highlight
    row.classList.add("fresh");
  }
  $("no-bookings").hidden = true;
  showBookingsCount();
}

const LABELS = {
  booking_created: "New booking",
  booking_cancelled: "Booking cancelled",
  booking_rescheduled: "Booking rescheduled",
  booking_completed: "Booking completed",
  jobcard_created: "New job card",
  jobcard_updated: "Job card updated",
  jobcard_status_changed: "Job card status changed",
  jobcard_completed: "Job card completed",
  jobcard_payment_changed: "Job card payment changed",
  ticket_created: "New ticket",
  ticket_updated: "Ticket updated",
  ticket_assigned: "Technicians assigned",
  ticket_deleted: "Ticket deleted",
};

function summary(n) {
  const d = n.data || {};
  const parts = [d.service_name || d.code || d.title || "", d.booking_date || d.schedule_date || ""];
  if (d.booking_time) parts.push(d.booking_time.slice(0, 5));
  const who = customerOf(d);
  if (who) parts.push("· " + who);
  return parts.filter(Boolean).join(" ");
}

function addNotification(n, fresh) {
  if (state.seen.has(n.id)) {
    return;
  }
  state.seen.add(n.id);
  state.lastId = Math.max(state.lastId, n.id);
  const item = document.createElement("li");
  item.dataset.id = n.id;
  if (!n.read) item.classList.add("unread");
  item.dataset.type = n.type;
  const title = document.createElement("strong");
  title.textContent = LABELS[n.type] || n.type.replace(/_/g, " ");
  const text = n.type.startsWith("jobcard_") ? jobcardSummary(n)
    : n.type.startsWith("ticket_") ? ticketSummary(n)
    : span("summary", " " + summary(n));
  const when = document.createElement("time");
  when.dateTime = n.created_at;
  when.textContent = new Date(n.created_at).toLocaleString();
  item.append(title, text, when);
  item.addEventListener("click", () => markRead(n.id, item));
  const feed = $("feed");
  feed.insertBefore(item, feed.firstChild); // newest on top
  while (feed.children.length > 200) feed.lastChild.remove();
  if (fresh) item.classList.add("fresh");
  $("no-feed").hidden = true;
  if (n.type && n.type.startsWith("booking_")) {
    upsertBooking({ ...n.data, status: n.data.status || statusOf(n.type) }, fresh);
  }
  if (fresh && counted(n.type)) {
    scheduleCounts();
  }
}

// ---- job cards in the feed --------------------------------------------------------------------

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

/** A span of its own for a value that is there; null for a missing or empty one. */
function optional(className, value) {
  return value == null || value === "" ? null : span(className, String(value));
}

/** " a · b · c": the parts that are there, each its own element, joined by text nodes. */
function joined(parts) {
  const summary = span("summary", "");
  for (const part of parts.filter(Boolean)) {
    summary.append(summary.childNodes.length ? " · " : " ", part);
  }
  return summary;
}

/** "Enquiry → Scheduled", with the two names in spans .from and .to */
function change(from, to) {
  if (from == null && to == null) return null;
  const element = span("change", "");
  element.append(span("from", String(from ?? "?")), " → ", span("to", String(to ?? "?")));
  return element;
}

/**
 * A job card message: the job card as jobcard-service shows it, flat (code, client_name,
 * service_type, schedule_date, technician_name, status, ...), plus what the event adds (from, to,
 * amount_paid, changed). A job card event type that comes later shows like a new one.
 */
function jobcardSummary(n) {
  const d = n.data || {};
  const head = [optional("code", d.code ?? (d.id != null ? "#" + d.id : null)),
    optional("client", d.client_name)];
  const card = [optional("service", d.service_type), optional("date", d.schedule_date),
    d.technician_name ? span("technician", "Technician: " + d.technician_name) : null];
  switch (n.type) {
    case "jobcard_status_changed":
      return joined([...head, change(d.from, d.to ?? d.status)]);
    case "jobcard_payment_changed": {
      const paid = d.amount_paid == null || d.amount_paid === "" ? null
        : span("amount", "paid " + d.amount_paid + (d.price ? " of " + d.price : ""));
      return joined([...head, change(d.from, d.to ?? d.payment_status), paid]);
    }
    case "jobcard_completed":
      return joined([...head, card[0], card[2]]);
    case "jobcard_updated": {
      const changed = Array.isArray(d.changed) && d.changed.length
        ? span("changed", "changed: " + d.changed.map((c) => String(c).replace(/_/g, " ")).join(", "))
        : null;
      return joined([...head, ...card, changed]);
    }
    default:
      return joined([...head, ...card]);
  }
}

// ---- tickets in the feed ----------------------------------------------------------------------

const DETAILS_SHOWN = 80; // characters of a ticket's details in the feed; the rest in its title

/**
 * "abc…": at most max characters, whitespace runs as one space. Characters as a reader sees them
 * (a Thai consonant with its vowel and tone marks is one), never cut in the middle.
 */
function shortened(text, max) {
  const clean = String(text).replace(/\s+/g, " ").trim();
  const chars = typeof Intl === "object" && typeof Intl.Segmenter === "function"
    ? [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(clean)]
      .map((g) => g.segment)
    : [...clean];
  return chars.length <= max ? chars.join("") : chars.slice(0, max - 1).join("").trimEnd() + "…";
}

/** A ticket's uuid, short: "#1a2b3c4d". */
function ticketId(id) {
  return id == null || id === "" ? null : span("ticket-id", "#" + String(id).slice(0, 8));
}

/** A master record's name: English when it has one, else Thai. */
function nameOf(record) {
  if (!record || typeof record !== "object") return null;
  return record.name_en || record.name_th || null;
}

/** The details, shortened (all of them in the title), else the id short. */
function ticketHead(d) {
  if (d.details == null || String(d.details).trim() === "") return ticketId(d.id);
  const details = span("details", shortened(d.details, DETAILS_SHOWN));
  details.title = String(d.details);
  return details;
}

/** "2030-10-20 09:00–12:00"; "backlog" when the ticket has no appointment date. */
function appointmentOf(appointment) {
  const a = appointment && typeof appointment === "object" ? appointment : {};
  if (!a.appointment_date) return span("appointment backlog", "backlog");
  const time = (t) => (t ? String(t).slice(0, 5) : "");
  const start = time(a.appointment_time_start);
  const end = time(a.appointment_time_end);
  const times = start && end ? start + "–" + end : start || (end ? "until " + end : "");
  return span("appointment", [a.appointment_date, times].filter(Boolean).join(" "));
}

/** The names of the employees whose ids are in added, from the ticket's employees. */
function assignedNames(d) {
  const added = new Set((Array.isArray(d.added) ? d.added : []).map(String));
  const employees = Array.isArray(d.employees) ? d.employees : [];
  const names = employees
    .filter((e) => e && added.has(String(e.id)))
    .map((e) => e.full_name || [e.first_name, e.last_name].filter(Boolean).join(" ") || e.email)
    .filter(Boolean);
  return names.length ? span("technicians", "Technicians: " + names.join(", ")) : null;
}

/** ticket-service names changed members "ticket.details", "site_id", "appointment", ... */
function changedMembers(changed) {
  if (!Array.isArray(changed) || !changed.length) return null;
  const names = changed.map((c) => String(c).replace(/^ticket\./, "").replace(/_/g, " "));
  return span("changed", "changed: " + names.join(", "));
}

/**
 * A ticket message: the ticket as seed 003 answers it, flat (details, work_type, status, site with
 * its company, appointment, employees, ...), plus what the event adds (changed, added);
 * ticket_deleted carries only the id. A ticket event type that comes later shows its head.
 */
function ticketSummary(n) {
  const d = n.data || {};
  switch (n.type) {
    case "ticket_created": {
      const site = d.site && typeof d.site === "object" ? d.site : null;
      return joined([
        ticketHead(d),
        optional("work-type", nameOf(d.work_type)),
        site ? optional("site", site.name) : null,
        site ? optional("company", nameOf(site.company)) : null,
        appointmentOf(d.appointment),
        optional("ticket-status", nameOf(d.status)),
      ]);
    }
    case "ticket_updated":
      return joined([ticketHead(d), changedMembers(d.changed)]);
    case "ticket_assigned":
      return joined([ticketHead(d), assignedNames(d)]);
    case "ticket_deleted":
      return joined([ticketId(d.id)]);
    default:
      return joined([ticketHead(d)]);
  }
}

function statusOf(type) {
  return { booking_cancelled: "cancelled", booking_completed: "completed" }[type];
}

async function loadFeed() {
  const response = await api(`/api/v1/notifications/?limit=${FEED_LIMIT}`);
  if (response.ok) {
    for (const n of (await response.json()).results) addNotification(n, false);
  }
}

/** After a reconnect: everything after the last id seen, page by page. */
async function catchUp() {
  let more = true;
  while (more) {
    const response = await api(`/api/v1/notifications/?after=${state.lastId}&limit=200`);
    if (!response.ok) return;
    const page = await response.json();
    for (const n of page.results) {
      if (!state.seen.has(n.id)) {
        addNotification(n, true);
        if (!n.read) setUnread(state.unread + 1);
      }
    }
    more = page.has_more;
  }
}

function setUnread(count) {
  state.unread = Math.max(0, count);
  $("unread").textContent = state.unread;
}

async function loadUnread() {
  const response = await api("/api/v1/notifications/unread-count/");
  if (response.ok) setUnread((await response.json()).unread_count);
}

async function markRead(id, item) {
  if (!item.classList.contains("unread")) return;
  const response = await api(`/api/v1/notifications/${id}/read/`, { method: "POST" });
  if (response.ok) {
    item.classList.remove("unread");
    setUnread(state.unread - 1);
  }
}

async function markAllRead() {
  const response = await api("/api/v1/notifications/read-all/", { method: "POST" });
  if (response.ok) {
    document.querySelectorAll("#feed li.unread").forEach((li) => li.classList.remove("unread"));
    setUnread(0);
  }
}

// ---- today's counts ---------------------------------------------------------------------------
// "Bookings today" is the table's rows; the others come from notification-service's counts of
// what happened since local midnight, fetched again shortly after each message that changes them,
// after every (re)connect, and when a new day begins.

const JOBCARD_STATUSES = ["Enquiry", "Scheduled", "In Progress", "Completed", "Cancelled"];

function counted(type) {
  return type === "booking_created" || type === "ticket_created"
    || (type || "").startsWith("jobcard_");
}

function setCount(element, value) {
  const text = String(value);
  if (element.textContent === text) return;
  const tile = element.closest(".tile");
  const highlight = tile && tile.dataset.shown === "true";
  element.textContent = text;
  if (highlight) {
    tile.classList.remove("fresh");
    void tile.offsetWidth; // restart the highlight
    tile.classList.add("fresh");
  }
}

function showBookingsCount() {
  setCount($("count-bookings-today"), $("bookings").tBodies[0].rows.length);
}

/** The tile of a job card status; a status the page does not know yet gets a tile of its own. */
function statusTile(status) {
  const tiles = $("jobcard-statuses");
  let tile = [...tiles.children].find((t) => t.dataset.status === status);
  if (!tile) {
    tile = document.createElement("li");
    tile.className = "tile";
    tile.dataset.status = status;
    tile.append(span("count", "0"), " ", span("label", status));
    tiles.appendChild(tile);
  }
  return tile;
}

function startOfToday() {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

async function loadCounts() {
  const request = ++state.countsRequest;
  const since = startOfToday().toISOString();
  const response = await api(`/api/v1/notifications/counts/?since=${encodeURIComponent(since)}`);
  if (request !== state.countsRequest) return;
  if (!response.ok) {
    $("counts-error").textContent = await problemText(response);
    return;
  }
  const counts = await response.json();
  if (request !== state.countsRequest) return;
  $("counts-error").textContent = "";
  const byType = counts.by_type || {};
  setCount($("count-new-bookings"), byType.booking_created || 0);
  setCount($("count-new-jobcards"), byType.jobcard_created || 0);
  setCount($("count-new-tickets"), byType.ticket_created || 0);
  const byStatus = counts.jobcards_by_status || {};
  Object.keys(byStatus).forEach(statusTile);
  for (const tile of [...$("jobcard-statuses").children]) {
    const count = byStatus[tile.dataset.status] || 0;
    if (!count && !JOBCARD_STATUSES.includes(tile.dataset.status)) {
      tile.remove();
      continue;
    }
    setCount(tile.querySelector(".count"), count);
  }
  // from now on a change is news: highlight it
  document.querySelectorAll("#counts-panel .tile:not([data-count=bookings_today])")
    .forEach((t) => (t.dataset.shown = "true"));
}

/** Several messages in a burst ask once. */
function scheduleCounts() {
  clearTimeout(state.countsTimer);
  state.countsTimer = setTimeout(() => loadCounts().catch(() => {}), 300);
}

function resetCounts() {
  document.querySelectorAll("#counts-panel .tile").forEach((tile) => {
    if (tile.dataset.status && !JOBCARD_STATUSES.includes(tile.dataset.status)) {
      tile.remove();
      return;
    }
    delete tile.dataset.shown;
    tile.classList.remove("fresh");
    tile.querySelector(".count").textContent = "0";
  });
  $("counts-error").textContent = "";
}

/** At local midnight "today" moves on: the table and the counts start again. */
function scheduleNewDay() {
  clearTimeout(state.dayTimer);
  const now = new Date();
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  state.dayTimer = setTimeout(() => newDay().catch(() => {}), tomorrow - now + 1000);
}

async function newDay() {
  scheduleNewDay();
  $("today").textContent = today();
  $("bookings").tBodies[0].replaceChildren();
  $("no-bookings").hidden = false;
  showBookingsCount();
  await Promise.all([loadBookings(), loadCounts()]);
}

// ---- live feed --------------------------------------------------------------------------------

function setConnection(stateName, text) {
  $("connection").dataset.state = stateName;
  $("connection").textContent = text;
}

// The server closes a socket when the token it connected with expires (an ERROR frame, then the
// close); the client reconnects 2 s later with a fresh token and catches up over REST. To spare the
// user that gap, the socket is renewed shortly before its token expires.
const RENEW_BEFORE_EXPIRY_MS = 30_000;

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  let socketTokenExpires = 0;
  let renewal = null;
  const renew = async () => {
    if (state.stomp !== client) return;
    await client.deactivate();
    if (state.stomp === client) client.activate();
  };
  const client = new StompJs.Client({
    brokerURL: `${scheme}//${location.host}/ws`,
    reconnectDelay: 2000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    // every (re)connect presents a token that is still valid
    beforeConnect: async () => {
      try {
        const token = await freshAccessToken();
        client.connectHeaders = { Authorization: "Bearer " + token };
        socketTokenExpires = claims(token).exp * 1000;
      } catch {
        logout("Your session has ended; log in again.");
      }
    },
    onConnect: async () => {
      setConnection("live", "live");
      clearTimeout(renewal);
      renewal = setTimeout(renew,
        Math.max(0, socketTokenExpires - Date.now() - RENEW_BEFORE_EXPIRY_MS));
      client.subscribe(`/topic/orgs/${state.user.org_id}/notifications`, (frame) => {
        const n = { ...JSON.parse(frame.body), read: false };
        if (!state.seen.has(n.id)) {
          addNotification(n, true);
          setUnread(state.unread + 1);
        }
      });
      await catchUp();
      // whatever happened while the socket was down is in the counts too
      scheduleCounts();
    },
    onStompError: (frame) => setConnection("reconnecting", frame.headers.message || "refused"),
    onWebSocketClose: () => {
      clearTimeout(renewal);
      if (state.stomp === client) setConnection("reconnecting", "reconnecting…");
    },
  });
  state.stomp = client;
  client.activate();
}

// ---- wiring -----------------------------------------------------------------------------------

$("login-form").addEventListener("submit", (e) => login(e).catch((err) => {
  $("login-error").textContent = "Log in failed: " + err.message;
}));
$("logout").addEventListener("click", () => logout());
$("read-all").addEventListener("click", () => markAllRead());

const saved = sessionStorage.getItem(TOKENS);
if (saved) {
  try {
    saveTokens(JSON.parse(saved));
    freshAccessToken().then(() => start(null)).catch(() => logout());
  } catch {
    logout();
  }
}
