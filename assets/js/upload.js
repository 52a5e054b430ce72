// Upload enhancement of the back office's file input ([data-upload]); the form works without it.
// Names the chosen file with its size beside a "Usuń plik <name>" button that clears the choice
// and returns focus to the input; on submit, sends the form with XMLHttpRequest so that the
// polite status region announces progress every 10 % ("Wysyłanie pliku: 40 %."), beside a
// <progress> bar (one upload at a time: the button is disabled meanwhile), then shows the
// server's answer as the browser would have. Texts come from the page (data-* attributes: the
// translation table).
(function () {
  'use strict';
  var box = document.querySelector('[data-upload]');
  if (!box) return;
  var input = box.querySelector('input[type=file]');
  var status = box.querySelector('.upload-status');
  var form = input.form;
  var text = box.dataset;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function size(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' MB';
    return Math.max(1, Math.round(bytes / 1024)) + ' kB';
  }

  var remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'upload-remove';
  remove.hidden = true;
  input.parentNode.appendChild(remove);

  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    remove.hidden = !file;
    if (!file) {
      status.textContent = '';
      return;
    }
    status.textContent = fill(text.chosen, { name: file.name, size: size(file.size) });
    remove.textContent = fill(text.remove, { name: file.name });
  });
  remove.addEventListener('click', function () {
    input.value = '';
    remove.hidden = true;
    status.textContent = text.removed;
    input.focus();
  });

  if (!window.FormData || !window.XMLHttpRequest) return;
  var sending = false;  // one upload at a time: a second click would store the file twice
  form.addEventListener('submit', function (event) {
    if (!input.files || !input.files[0]) return;  // nothing to send: the browser submits
    event.preventDefault();
    if (sending) return;
    sending = true;
    var button = event.submitter;
    var body;
    try {
      body = new FormData(form, button);
    } catch (e) {
      body = new FormData(form);
    }
    var bar = box.querySelector('progress') || box.appendChild(document.createElement('progress'));
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-hidden', 'true');  // the status region speaks; the bar is for the eye
    if (button) button.disabled = true;
    var announced = -10;
    var xhr = new XMLHttpRequest();
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.floor((e.loaded * 100) / e.total);
      bar.value = percent;
      if (percent - announced >= 10) {
        announced = percent - (percent % 10);
        status.textContent = fill(text.progress, { percent: announced });
      }
    });
    xhr.addEventListener('load', function () {
      // Saved: the server redirected to the document's page. Refused: it answered this form
      // again with its error summary, which replaces the page as a normal submit would.
      if (xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
        window.location.assign(xhr.responseURL);
        return;
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    ['error', 'abort', 'timeout'].forEach(function (name) {
      xhr.addEventListener(name, function () {
        sending = false;
        if (button) button.disabled = false;
        status.textContent = text.failed;
      });
    });
    xhr.open('POST', form.action);
    xhr.send(body);
  });
})();
