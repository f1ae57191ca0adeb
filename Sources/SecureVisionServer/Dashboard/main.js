// SPDX-License-Identifier: Apache-2.0
// The dashboard's shell: sign-in, navigation between views, the live connection and alerts.

import {clearImages, getJSON, onSessionExpired, session} from './api.js';
import {h, icon} from './dom.js';
import {describe} from './format.js';
import {LiveStream} from './stream.js';
import {showSignIn} from './signin.js';
import * as live from './live.js';
import * as events from './events.js';
import * as people from './people.js';
import * as plates from './plates.js';
import * as system from './system.js';

const VIEWS = {live, events, people, plates, system};
const TITLES = {live: 'Live', events: 'Events', people: 'People', plates: 'Plates', system: 'System'};

const app = document.getElementById('app');
const main = document.getElementById('main');

const state = {
  info: null,
  stream: null,
  view: null,
  names: new Map(),
  signedIn: false,
  firstRoute: true,
};

const context = {
  get info() { return state.info; },
  get stream() { return state.stream; },
  names: state.names,
  /** Refreshes the id -> display name map used to title face events. */
  async loadNames() {
    try {
      const list = await getJSON('/people');
      state.names.clear();
      for (const person of list) state.names.set(person.id, person.display_name || person.id);
    } catch {
      // Names are a nicety; events fall back to person ids.
    }
  },
};

function setConnection(status) {
  const el = document.getElementById('connection');
  const labels = {connecting: 'Connecting', live: 'Live', retrying: 'Reconnecting', off: 'Live updates off'};
  el.dataset.state = status;
  el.querySelector('.connection-label').textContent = labels[status] ?? status;
}

function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean);
  const name = VIEWS[parts[0]] ? parts[0] : 'live';
  return {name, parts, params: new URLSearchParams(query)};
}

function route() {
  if (!state.signedIn) return;
  const next = parseRoute();
  if (state.view) state.view.destroy?.();
  main.replaceChildren();
  for (const link of document.querySelectorAll('.nav a')) {
    if (link.dataset.view === next.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${TITLES[next.name]} · SecureVision`;
  state.view = VIEWS[next.name].mount(main, context, next);
  if (!state.firstRoute) main.focus({preventScroll: true});
  state.firstRoute = false;
  window.scrollTo(0, 0);
}

function toast(event) {
  const region = document.getElementById('toasts');
  const about = describe(event, state.names);
  const note = h('div', {class: 'toast'},
    icon('alert', 'toast-icon'),
    h('div', {class: 'toast-body'},
      h('strong', null, `Deny-list plate ${about.title}`),
      h('span', null, ` on camera ${event.frame_source_id}`),
      h('a', {href: `#/events/${event.id}`, class: 'toast-link'}, 'Open event')),
    h('button', {class: 'toast-close', type: 'button', 'aria-label': 'Dismiss alert', onclick: () => note.remove()}, '×'));
  region.append(note);
  while (region.children.length > 3) region.firstElementChild.remove();
  setTimeout(() => note.remove(), 10000);
}

function startApp() {
  state.signedIn = true;
  document.getElementById('signin').hidden = true;
  app.hidden = false;
  document.getElementById('signout').hidden = !state.info.auth_enabled;
  if (state.info.ws_enabled) {
    state.stream = new LiveStream({token: session.token, onStatus: setConnection, onExpired: expire});
    state.stream.subscribe((event) => { if (event.type === 'plate_alert') toast(event); });
    state.stream.start();
  } else {
    setConnection('off');
  }
  context.loadNames();
  route();
}

function stopApp() {
  state.signedIn = false;
  state.stream?.stop();
  state.stream = null;
  state.view?.destroy?.();
  state.view = null;
  main.replaceChildren();
  document.getElementById('toasts').replaceChildren();
  clearImages();
  app.hidden = true;
  state.firstRoute = true;
}

function signIn(notice) {
  stopApp();
  document.title = 'Sign in · SecureVision';
  showSignIn({notice, onSignedIn: startApp});
}

function expire() {
  if (!state.signedIn) return;
  session.clear();
  signIn('Your session has ended (the token expired or was revoked). Sign in again.');
}

async function boot() {
  const bootEl = document.getElementById('boot');
  onSessionExpired(expire);
  document.getElementById('signout').addEventListener('click', () => {
    session.clear();
    signIn('You have signed out.');
  });
  window.addEventListener('hashchange', route);
  try {
    state.info = await getJSON('/', {token: null});
  } catch (error) {
    bootEl.replaceChildren(icon('alert', 'state-icon'), h('span', null, `SecureVision cannot be reached: ${error.message}`));
    bootEl.setAttribute('role', 'alert');
    return;
  }
  bootEl.remove();
  if (!state.info.auth_enabled || session.token) startApp();
  else signIn(null);
}

boot();
