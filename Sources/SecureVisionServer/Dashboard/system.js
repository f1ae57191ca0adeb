// SPDX-License-Identifier: Apache-2.0
// System: version, uptime, store, cameras and (for admin tokens) the audit log.

import {ApiError, getJSON} from './api.js';
import {h, statePanel} from './dom.js';
import {bytes, dateTime, duration} from './format.js';
import {cameraBadge} from './widgets.js';

export function mount(container, context) {
  let stopped = false;
  const cards = h('div', {class: 'stat-grid'}, statePanel('loading', 'Loading system status…'));
  const cameras = h('div', {class: 'table-wrap'}, statePanel('loading', 'Loading cameras…'));
  const audit = h('div', {class: 'table-wrap'}, statePanel('loading', 'Loading the audit log…'));
  const refresh = h('button', {class: 'button button-ghost', type: 'button', onclick: () => load()}, 'Refresh');

  container.append(
    h('div', {class: 'page-head page-head-row'},
      h('div', null, h('h1', null, 'System'), h('p', {class: 'muted'}, 'How this SecureVision server is doing.')),
      refresh),
    h('section', {'aria-label': 'Status'}, cards),
    h('section', {class: 'panel', 'aria-labelledby': 'system-cameras'}, h('h2', {id: 'system-cameras'}, 'Cameras'), cameras),
    h('section', {class: 'panel', 'aria-labelledby': 'system-audit'},
      h('div', {class: 'panel-head'}, h('h2', {id: 'system-audit'}, 'Audit log'), h('span', {class: 'muted small'}, 'Every change, newest first')),
      audit));

  function stat(label, value, sub) {
    return h('div', {class: 'stat-card'}, h('p', {class: 'stat-label'}, label), h('p', {class: 'stat-value'}, value), sub ? h('p', {class: 'muted small'}, sub) : null);
  }

  function failed(target, what, error) {
    if (stopped || (error instanceof ApiError && error.status === 401)) return;
    target.replaceChildren(statePanel('error', `${what} could not be loaded`, error.message, {label: 'Try again', onclick: load}));
  }

  async function loadStatus() {
    try {
      const [health, stats] = await Promise.all([getJSON('/health'), getJSON('/stats')]);
      if (stopped) return;
      const byType = stats.events.by_type ?? {};
      cards.replaceChildren(
        stat('Version', health.version, `status ${health.status}`),
        stat('Uptime', duration(health.uptime_s)),
        stat('Cameras', `${health.cameras.online} / ${health.cameras.configured} online`, `${health.cameras.fps} fps in all`),
        stat('Events', String(stats.events.total), `${stats.events.last_5m} in the last 5 min · ${byType.plate_alert ?? 0} alerts`),
        stat('Store', bytes(stats.store.database_bytes + stats.store.file_bytes), `database ${bytes(stats.store.database_bytes)} · snapshots ${bytes(stats.store.file_bytes)}`),
        stat('People', String(stats.people), `${stats.plates.blacklist ?? 0} deny · ${stats.plates.whitelist ?? 0} allow plates`),
        stat('Live clients', String(stats.websocket_clients), context.info.ws_enabled ? 'WebSocket /stream' : 'WebSocket disabled'));
    } catch (error) {
      failed(cards, 'The status', error);
    }
  }

  async function loadCameras() {
    try {
      const list = await getJSON('/cameras');
      if (stopped) return;
      if (list.length === 0) {
        cameras.replaceChildren(statePanel('empty', 'No cameras configured'));
        return;
      }
      cameras.replaceChildren(h('table', {class: 'data-table'},
        h('thead', null, h('tr', null, ['Camera', 'State', 'Source', 'FPS', 'Resolution', 'Frames', 'Dropped', 'Reconnects', 'Last error'].map((title) => h('th', {scope: 'col'}, title)))),
        h('tbody', null, list.map((camera) => h('tr', null,
          h('th', {scope: 'row'}, camera.name || camera.id, camera.name && camera.name !== camera.id ? h('div', {class: 'muted small'}, camera.id) : null),
          h('td', {'data-label': 'State'}, cameraBadge(camera.state)),
          h('td', {'data-label': 'Source'}, h('span', null, camera.source_type), h('div', {class: 'muted small ellipsis'}, camera.location)),
          h('td', {'data-label': 'FPS'}, camera.fps.toFixed(1)),
          h('td', {'data-label': 'Resolution'}, camera.width ? `${camera.width}×${camera.height}${camera.codec ? ` ${camera.codec}` : ''}` : '—'),
          h('td', {'data-label': 'Frames'}, String(camera.frames_decoded)),
          h('td', {'data-label': 'Dropped'}, String(camera.frames_dropped)),
          h('td', {'data-label': 'Reconnects'}, String(camera.reconnects)),
          h('td', {'data-label': 'Last error'}, camera.last_error ?? '—'))))));
    } catch (error) {
      failed(cameras, 'The cameras', error);
    }
  }

  async function loadAudit() {
    try {
      const entries = await getJSON('/audit?limit=50');
      if (stopped) return;
      if (entries.length === 0) {
        audit.replaceChildren(statePanel('empty', 'No changes recorded yet', 'Enrolments, deletions, list edits, tokens and clean-ups appear here.'));
        return;
      }
      audit.replaceChildren(h('table', {class: 'data-table audit-table'},
        h('thead', null, h('tr', null, ['Time', 'Who', 'Action', 'Target', 'Detail', 'Client'].map((title) => h('th', {scope: 'col'}, title)))),
        h('tbody', null, entries.map((entry) => h('tr', null,
          h('td', {'data-label': 'Time'}, dateTime(entry.ts_ms)),
          h('td', {'data-label': 'Who'}, entry.actor),
          h('td', {'data-label': 'Action'}, h('code', null, entry.action)),
          h('td', {'data-label': 'Target'}, entry.target ?? '—'),
          h('td', {'data-label': 'Detail'}, entry.detail ?? '—'),
          h('td', {'data-label': 'Client'}, entry.client_address ?? '—'))))));
    } catch (error) {
      if (!stopped && error instanceof ApiError && error.status === 403) {
        audit.replaceChildren(statePanel('empty', 'The audit log needs an admin token', 'Sign in with an admin token to see who changed what.'));
        return;
      }
      failed(audit, 'The audit log', error);
    }
  }

  function load() {
    loadStatus();
    loadCameras();
    loadAudit();
  }

  load();
  const timer = setInterval(() => { loadStatus(); loadCameras(); }, 10000);
  return {destroy() { stopped = true; clearInterval(timer); }};
}
