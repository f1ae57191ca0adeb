// SPDX-License-Identifier: Apache-2.0
// Plates: the deny list (alerts) and the allow list, each editable.

import {ApiError, getJSON, request, sendJSON} from './api.js';
import {confirmDialog, h, icon, showError, statePanel} from './dom.js';
import {when} from './format.js';

const LISTS = [
  {key: 'deny', api: 'blacklist', title: 'Deny list', tone: 'alert', help: 'A plate on this list raises an alert the moment it is read.'},
  {key: 'allow', api: 'whitelist', title: 'Allow list', tone: 'allowed', help: 'Plates that are expected, such as residents and staff.'},
];

export function mount(container) {
  let stopped = false;
  const panels = new Map();

  container.append(
    h('div', {class: 'page-head'}, h('h1', null, 'Plates'), h('p', {class: 'muted'}, 'Licence plates to alert on, and plates that are always welcome.')),
    h('div', {class: 'plates-layout'}, LISTS.map((list) => {
      const panel = listPanel(list);
      panels.set(list.key, panel);
      return panel.root;
    })));

  function listPanel(list) {
    const plateInput = h('input', {id: `${list.key}-plate`, name: 'plate', required: true, autocomplete: 'off', spellcheck: 'false', maxlength: 20, placeholder: 'e.g. AB12CDE', class: 'plate-input'});
    const noteInput = h('input', {id: `${list.key}-note`, name: 'note', autocomplete: 'off', maxlength: 200, placeholder: 'Optional'});
    const error = h('p', {class: 'form-error', role: 'alert', hidden: true, id: `${list.key}-error`});
    const status = h('p', {class: 'form-success', role: 'status', hidden: true, id: `${list.key}-status`});
    const entries = h('div', {class: 'plate-list'}, statePanel('loading', 'Loading…'));
    const count = h('span', {class: 'count'});
    const form = h('form', {class: 'plate-form', novalidate: true, 'aria-label': `Add a plate to the ${list.title.toLowerCase()}`},
      h('div', {class: 'field'}, h('label', {for: `${list.key}-plate`}, 'Plate'), plateInput),
      h('div', {class: 'field'}, h('label', {for: `${list.key}-note`}, 'Note'), noteInput),
      h('button', {class: `button ${list.tone === 'alert' ? 'button-danger' : 'button-primary'}`, type: 'submit'}, 'Add'));
    const root = h('section', {class: `panel plate-panel plate-panel-${list.key}`, 'aria-labelledby': `${list.key}-heading`, dataset: {list: list.key}},
      h('div', {class: 'panel-head'},
        h('h2', {id: `${list.key}-heading`}, icon(list.tone === 'alert' ? 'alert' : 'car', 'icon-inline'), list.title, count)),
      h('p', {class: 'muted small'}, list.help),
      form, error, status, entries);

    form.addEventListener('submit', async (submitEvent) => {
      submitEvent.preventDefault();
      showError(error, null);
      status.hidden = true;
      const plate = plateInput.value.toUpperCase().replace(/[\s-]/g, '');
      if (!/^[A-Z0-9]{2,16}$/.test(plate)) {
        showError(error, 'A plate is 2–16 letters A–Z and digits.');
        plateInput.setAttribute('aria-invalid', 'true');
        plateInput.focus();
        return;
      }
      plateInput.removeAttribute('aria-invalid');
      const note = noteInput.value.trim();
      try {
        await sendJSON('POST', `/plate-lists/${list.key}`, note ? {plate, note} : {plate});
        form.reset();
        status.textContent = `Added ${plate} to the ${list.title.toLowerCase()}.`;
        status.hidden = false;
        plateInput.focus();
        load();
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.status === 401)) showError(error, failure.message);
      }
    });
    return {root, entries, count, error, status, list};
  }

  async function removePlate(panel, entry) {
    const confirmed = await confirmDialog({
      title: `Remove ${entry.plate}?`,
      message: `${entry.plate} is taken off the ${panel.list.title.toLowerCase()}. Past events are kept.`,
      confirmLabel: 'Remove plate',
    });
    if (!confirmed) return;
    try {
      await request(`/plate-lists/${panel.list.key}/${encodeURIComponent(entry.plate)}`, {method: 'DELETE'});
      panel.status.textContent = `Removed ${entry.plate} from the ${panel.list.title.toLowerCase()}.`;
      panel.status.hidden = false;
      load();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) showError(panel.error, failure.message);
    }
  }

  function render(panel, items) {
    panel.count.textContent = String(items.length);
    if (items.length === 0) {
      panel.entries.replaceChildren(statePanel('empty', `The ${panel.list.title.toLowerCase()} is empty`));
      return;
    }
    panel.entries.replaceChildren(h('ul', {class: 'plates'}, items.map((entry) => h('li', {class: 'plate-entry', dataset: {plate: entry.plate}},
      h('span', {class: `plate-chip plate-chip-${panel.list.key}`}, entry.plate),
      h('div', {class: 'plate-meta'},
        entry.note ? h('span', null, entry.note) : h('span', {class: 'muted'}, 'No note'),
        h('span', {class: 'muted small'}, `Added ${when(Date.parse(entry.created_at))}`)),
      h('button', {class: 'button button-small button-danger-ghost', type: 'button', 'aria-label': `Remove ${entry.plate} from the ${panel.list.title.toLowerCase()}`, onclick: () => removePlate(panel, entry)}, 'Remove')))));
  }

  async function load() {
    let lists;
    try {
      lists = await getJSON('/plate-lists');
    } catch (failure) {
      if (stopped || (failure instanceof ApiError && failure.status === 401)) return;
      for (const panel of panels.values()) panel.entries.replaceChildren(statePanel('error', 'The list could not be loaded', failure.message, {label: 'Try again', onclick: load}));
      return;
    }
    if (stopped) return;
    for (const panel of panels.values()) {
      render(panel, (lists[panel.list.api] ?? lists[panel.list.key] ?? []).slice().sort((a, b) => a.plate.localeCompare(b.plate)));
    }
  }

  load();
  return {destroy() { stopped = true; }};
}
