import Vapor

/// The one script, a little on top of pages that work without it: a form is sent once however often
/// it is pressed; what was typed into a form refused because the session ended is kept in this
/// browser and put back when the form is opened again after signing in; the consequence test shows
/// only the fields of the chosen kind of period, with its end date and the opening decree's date
/// computed by the server before saving.
enum Script {
    static let javaScript = #"""
        (function () {
          "use strict";
          var PREFIX = "dikelola-draft:";
          var DAY = 24 * 60 * 60 * 1000;
          var en = document.documentElement.lang === "en";
          var storage = null;
          try { storage = window.localStorage; } catch (e) { storage = null; }

          function draftKey(form) {
            var id = form.querySelector("input[name=form]");
            return PREFIX + form.getAttribute("action") + "#" + (id ? id.value : "");
          }
          function keepable(field) {
            if (!field.name || field.disabled) return false;
            var type = (field.type || "").toLowerCase();
            return ["hidden", "password", "file", "submit", "button", "checkbox", "radio"].indexOf(type) < 0;
          }
          function saveDraft(form) {
            if (!storage || form.method.toLowerCase() !== "post" || form.querySelector("input[type=password]")) return;
            var fields = {}, any = false;
            Array.prototype.forEach.call(form.elements, function (field) {
              if (keepable(field) && field.value) { fields[field.name] = field.value; any = true; }
            });
            if (!any) return;
            try {
              storage.setItem(draftKey(form), JSON.stringify({ fields: fields, at: Date.now(), restore: false }));
            } catch (e) { /* storage full or refused: the server still has the last saved state */ }
          }
          function eachDraft(callback) {
            if (!storage) return;
            var keys = [];
            for (var i = 0; i < storage.length; i++) {
              var key = storage.key(i);
              if (key && key.indexOf(PREFIX) === 0) keys.push(key);
            }
            keys.forEach(function (key) {
              var draft = null;
              try { draft = JSON.parse(storage.getItem(key)); } catch (e) { draft = null; }
              if (!draft || Date.now() - draft.at > DAY) { storage.removeItem(key); return; }
              callback(key, draft);
            });
          }

          // A form is sent once: a second press while the page is on its way does nothing.
          document.addEventListener("submit", function (event) {
            var form = event.target;
            if (form.getAttribute("data-sending")) { event.preventDefault(); return; }
            form.setAttribute("data-sending", "1");
            form.classList.add("sending");
            saveDraft(form);
          });
          window.addEventListener("pageshow", function () {
            Array.prototype.forEach.call(document.querySelectorAll("form[data-sending]"), function (form) {
              form.removeAttribute("data-sending");
              form.classList.remove("sending");
            });
          });

          // Drafts: a page refusing a form because the session ended marks what was typed for
          // restoring; the form's own page puts it back; any other answer means it was received.
          if (document.getElementById("keep-drafts")) {
            eachDraft(function (key, draft) {
              draft.restore = true;
              storage.setItem(key, JSON.stringify(draft));
            });
          } else {
            var forms = {};
            Array.prototype.forEach.call(document.querySelectorAll("form[method=post]"), function (form) {
              forms[draftKey(form)] = form;
            });
            eachDraft(function (key, draft) {
              if (!draft.restore) { storage.removeItem(key); return; }
              var form = forms[key];
              if (!form) return;  // e.g. the sign-in page on the way back
              Object.keys(draft.fields).forEach(function (name) {
                var field = form.elements[name];
                if (field && keepable(field)) field.value = draft.fields[name];
              });
              var note = document.createElement("p");
              note.className = "notice info";
              note.setAttribute("role", "status");
              note.textContent = en
                ? "What you typed before your session ended is back in this form. Check it, then send it again."
                : "Isian yang Anda ketik sebelum sesi berakhir dikembalikan ke formulir ini. Periksa, lalu kirim lagi.";
              form.insertBefore(note, form.firstChild);
              for (var node = form.parentNode; node; node = node.parentNode) {
                if (node.tagName === "DETAILS") node.open = true;
              }
              storage.removeItem(key);
            });
          }

          // The period of a consequence test: only the fields of its kind, and what it means.
          var KINDS = {
            years: ["length"], months: ["length"], from: ["length"], end: ["until", "event", "statute"],
            event: ["event"], reviewOn: ["event"], statute: ["statute"]
          };
          var PERIOD_FIELDS = ["ground", "periodKind", "years", "months", "from", "end", "event", "reviewOn", "statute"];
          Array.prototype.forEach.call(document.querySelectorAll("form[data-period-preview]"), function (form) {
            var kind = form.elements.periodKind;
            var output = form.querySelector("output.period-preview");
            if (!kind || !output) return;
            var timer = null, asked = 0;
            function showFields() {
              Object.keys(KINDS).forEach(function (name) {
                var field = form.elements[name];
                var box = field && field.closest(".field");
                if (box) box.hidden = KINDS[name].indexOf(kind.value) < 0;
              });
            }
            function paragraph(text, className) {
              var p = document.createElement("p");
              if (className) p.className = className;
              p.textContent = text;
              return p;
            }
            function preview() {
              var query = new URLSearchParams();
              PERIOD_FIELDS.forEach(function (name) {
                if (form.elements[name]) query.set(name, form.elements[name].value);
              });
              var ticket = ++asked;
              fetch(form.getAttribute("data-period-preview") + "?" + query.toString(), {
                credentials: "same-origin", headers: { Accept: "application/json" }
              }).then(function (response) { return response.ok ? response.json() : null; })
                .then(function (answer) {
                  if (!answer || ticket !== asked) return;
                  output.textContent = "";
                  answer.lines.forEach(function (line) { output.appendChild(paragraph(line)); });
                  answer.problems.forEach(function (line) { output.appendChild(paragraph(line, "error")); });
                })
                .catch(function () { /* offline: the server checks again when saving */ });
            }
            function changed() {
              showFields();
              clearTimeout(timer);
              timer = setTimeout(preview, 250);
            }
            PERIOD_FIELDS.forEach(function (name) {
              var field = form.elements[name];
              if (!field) return;
              field.addEventListener("change", changed);
              field.addEventListener("input", changed);
            });
            showFields();
            // A test already filled in shows what its period means; an empty form waits for input.
            var filled = ["years", "months", "from", "end", "event", "reviewOn", "statute"].some(function (name) {
              return form.elements[name] && form.elements[name].value;
            });
            if (filled) preview();
          });
        })();
        """#

    static func response() -> Response {
        let response = Response(status: .ok, body: .init(string: javaScript))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
