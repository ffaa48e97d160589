// fieldops admin dashboard: log in with auth-service, show today's bookings and the live feed.
// Plain JavaScript, no build step. Every value from the server is written with textContent.
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
  Object.assign(state, { access: null, refresh: null, user: null, lastId: 0, unread: 0 });
  state.seen.clear();
  $("feed").replaceChildren();
  $("bookings").tBodies[0].replaceChildren();
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
  await Promise.all([loadBookings(), loadFeed(), loadUnread()]);
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
}

const LABELS = {
  booking_created: "New booking",
  booking_cancelled: "Booking cancelled",
  booking_rescheduled: "Booking rescheduled",
  booking_completed: "Booking completed",
  jobcard_created: "New job card",
  ticket_created: "New ticket",
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
  const title = document.createElement("strong");
  title.textContent = LABELS[n.type] || n.type.replace(/_/g, " ");
  const text = document.createElement("span");
  text.textContent = " " + summary(n);
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
