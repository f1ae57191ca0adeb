// SPDX-License-Identifier: Apache-2.0
// The sign-in form: a token is checked against the API before it is kept for this tab.

import {ApiError, request, session} from './api.js';
import {showError} from './dom.js';

/** Shows the form; `onSignedIn()` runs once a token has been accepted. `notice` explains why we are here. */
export function showSignIn({notice, onSignedIn}) {
  const screen = document.getElementById('signin');
  const form = document.getElementById('signin-form');
  const input = document.getElementById('token');
  const error = document.getElementById('signin-error');
  const submit = document.getElementById('signin-submit');
  const noticeEl = document.getElementById('signin-notice');
  noticeEl.textContent = notice ?? '';
  noticeEl.hidden = !notice;
  showError(error, null);
  input.removeAttribute('aria-invalid');
  input.value = '';
  screen.hidden = false;
  input.focus();

  form.onsubmit = async (submitEvent) => {
    submitEvent.preventDefault();
    const token = input.value.trim();
    if (!token) {
      showError(error, 'Enter your API token.');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    try {
      await request('/stats', {token, signIn: true});
      session.save(token);
      input.value = '';
      screen.hidden = true;
      onSignedIn();
    } catch (failure) {
      const message = failure instanceof ApiError && failure.status === 401
        ? 'That token was not accepted. Check it and try again.'
        : failure.message;
      showError(error, message);
      input.setAttribute('aria-invalid', 'true');
      input.select();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  };
}
