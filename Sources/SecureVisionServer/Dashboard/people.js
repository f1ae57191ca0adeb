// SPDX-License-Identifier: Apache-2.0
// People: the face gallery. Enrol by uploading a photo; the server says why it refuses one.

import {ApiError, getJSON, listEvents, loadImage, request} from './api.js';
import {confirmDialog, h, showError, statePanel} from './dom.js';
import {date} from './format.js';

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export function mount(container, context) {
  let stopped = false;
  const idInput = h('input', {id: 'person-id', name: 'id', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'person-id-help'});
  const nameInput = h('input', {id: 'person-name', name: 'name', autocomplete: 'off', 'aria-describedby': 'person-name-help'});
  const fileInput = h('input', {id: 'person-photo', name: 'photo', type: 'file', accept: 'image/jpeg,image/png', required: true, 'aria-describedby': 'person-photo-help'});
  const error = h('p', {id: 'enrol-error', class: 'form-error', role: 'alert', hidden: true});
  const success = h('p', {id: 'enrol-success', class: 'form-success', role: 'status', hidden: true});
  const submit = h('button', {class: 'button button-primary', type: 'submit'}, 'Enrol photo');
  const preview = h('img', {class: 'upload-preview', alt: 'Preview of the chosen photo', hidden: true});
  let previewURL = null;

  fileInput.addEventListener('change', () => {
    if (previewURL) URL.revokeObjectURL(previewURL);
    const file = fileInput.files[0];
    previewURL = file ? URL.createObjectURL(file) : null;
    preview.hidden = !file;
    if (file) preview.src = previewURL;
    else preview.removeAttribute('src');
  });

  const form = h('form', {class: 'panel enrol', 'aria-labelledby': 'enrol-heading', novalidate: true},
    h('h2', {id: 'enrol-heading'}, 'Enrol a person or add a photo'),
    h('p', {class: 'muted small'}, 'Upload a JPEG or PNG showing exactly one face. Using an existing id adds the photo to that person.'),
    h('div', {class: 'enrol-grid'},
      h('div', {class: 'field'},
        h('label', {for: 'person-id'}, 'Person id'), idInput,
        h('p', {id: 'person-id-help', class: 'hint'}, 'Letters, digits, “_”, “-” and “.”.')),
      h('div', {class: 'field'},
        h('label', {for: 'person-name'}, 'Display name (optional)'), nameInput,
        h('p', {id: 'person-name-help', class: 'hint'}, 'Used for a new person.')),
      h('div', {class: 'field field-wide'},
        h('label', {for: 'person-photo'}, 'Photo'), fileInput,
        h('p', {id: 'person-photo-help', class: 'hint'}, 'The face should be clear and facing the camera.'))),
    preview, error, success,
    h('div', {class: 'form-actions'}, submit));

  form.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    showError(error, null);
    success.hidden = true;
    const id = idInput.value.trim();
    const file = fileInput.files[0];
    if (!ID_PATTERN.test(id)) {
      showError(error, 'Enter a person id of 1–64 letters, digits, “_”, “-” or “.”.');
      idInput.focus();
      return;
    }
    if (!file) {
      showError(error, 'Choose a photo to upload.');
      fileInput.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Uploading…';
    const name = nameInput.value.trim();
    const query = name ? `?name=${encodeURIComponent(name)}` : '';
    try {
      const response = await request(`/people/${encodeURIComponent(id)}/faces${query}`, {
        method: 'POST', body: file, headers: {'Content-Type': file.type || 'application/octet-stream'},
      });
      const result = await response.json();
      success.textContent = result.outcome === 'already_enrolled'
        ? `${file.name} was already enrolled for ${id}.`
        : `Added ${file.name} to ${id}.`;
      success.hidden = false;
      form.reset();
      preview.hidden = true;
      await context.loadNames();
      loadPeople();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return;
      const reason = failure instanceof ApiError && failure.status === 422
        ? `The photo was not enrolled: ${failure.detail}`
        : failure.message;
      showError(error, reason);
    } finally {
      submit.disabled = false;
      submit.textContent = 'Enrol photo';
    }
  });

  const list = h('div', {class: 'people-grid'}, statePanel('loading', 'Loading people…'));
  const listStatus = h('p', {id: 'people-status', class: 'form-success', role: 'status', hidden: true});
  const listError = h('p', {id: 'people-error', class: 'form-error', role: 'alert', hidden: true});
  const count = h('span', {class: 'muted'});
  container.append(
    h('div', {class: 'page-head'}, h('h1', null, 'People'), h('p', {class: 'muted'}, 'Enrolled faces are recognised on every camera.')),
    h('div', {class: 'people-layout'},
      form,
      h('section', {class: 'panel', 'aria-labelledby': 'people-heading'},
        h('div', {class: 'panel-head'}, h('h2', {id: 'people-heading'}, 'Enrolled people'), count),
        listStatus, listError, list)));

  function avatar(person) {
    const initials = (person.display_name || person.id).split(/[\s_.-]+/).map((part) => part[0]).join('').slice(0, 2).toUpperCase();
    const box = h('div', {class: 'avatar', 'aria-hidden': 'true'}, h('span', null, initials));
    // The API has no per-person photo; the newest recognised face crop stands in for it.
    listEvents({type: 'face_match', person_id: person.id, limit: 1}).then(({events}) => {
      const crop = events[0]?.crop_url;
      if (!crop || stopped) return;
      const img = h('img', {alt: '', width: 72, height: 72});
      img.addEventListener('load', () => box.classList.add('has-photo'), {once: true});
      loadImage(img, crop);
      box.append(img);
    }, () => {});
    return box;
  }

  async function remove(person) {
    const label = person.display_name || person.id;
    const confirmed = await confirmDialog({
      title: `Delete ${label}?`,
      message: `${label} and ${person.face_count === 1 ? 'the enrolled face' : `all ${person.face_count} enrolled faces`} are removed. Past events are kept.`,
      confirmLabel: 'Delete person',
    });
    if (!confirmed) return;
    showError(listError, null);
    listStatus.hidden = true;
    try {
      await request(`/people/${encodeURIComponent(person.id)}`, {method: 'DELETE'});
      listStatus.textContent = `Deleted ${label} and their enrolled faces.`;
      listStatus.hidden = false;
      await context.loadNames();
      loadPeople();
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) showError(listError, failure.message);
    }
  }

  function addPhoto(person) {
    idInput.value = person.id;
    nameInput.value = '';
    form.scrollIntoView({behavior: 'smooth', block: 'start'});
    fileInput.focus();
  }

  async function loadPeople() {
    let people;
    try {
      people = await getJSON('/people');
    } catch (failure) {
      if (stopped || (failure instanceof ApiError && failure.status === 401)) return;
      list.replaceChildren(statePanel('error', 'People could not be loaded', failure.message, {label: 'Try again', onclick: loadPeople}));
      return;
    }
    if (stopped) return;
    count.textContent = people.length ? `${people.length} enrolled` : '';
    if (people.length === 0) {
      list.replaceChildren(statePanel('empty', 'Nobody is enrolled yet', 'Upload a photo with the form to recognise someone.'));
      return;
    }
    list.replaceChildren(...people.map((person) => {
      const label = person.display_name || person.id;
      return h('article', {class: 'person', dataset: {id: person.id}, 'aria-label': label},
        avatar(person),
        h('div', {class: 'person-body'},
          h('h3', null, label),
          h('p', {class: 'muted small'}, person.display_name && person.display_name !== person.id ? `id ${person.id} · ` : '',
            `${person.face_count} face${person.face_count === 1 ? '' : 's'} · since ${date(Date.parse(person.created_at))}`)),
        h('div', {class: 'person-actions'},
          h('a', {class: 'button button-small', href: `#/events?person_id=${encodeURIComponent(person.id)}`, 'aria-label': `Events of ${label}`}, 'Events'),
          h('button', {class: 'button button-small', type: 'button', 'aria-label': `Add a photo of ${label}`, onclick: () => addPhoto(person)}, 'Add photo'),
          h('button', {class: 'button button-small button-danger-ghost', type: 'button', 'aria-label': `Delete ${label}`, onclick: () => remove(person)}, 'Delete')));
    }));
  }

  loadPeople();
  return {
    destroy() {
      stopped = true;
      if (previewURL) URL.revokeObjectURL(previewURL);
    },
  };
}
