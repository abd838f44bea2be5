/* Trợ lý khuyến công: embeddable chat widget.
 *
 *   <script src="https://HOST/widget.js" data-api="https://HOST" data-title="…" async></script>
 *
 * Everything lives in an open Shadow DOM, so the host page's CSS cannot reach it and its CSS cannot leak out.
 * Server text is only ever set with textContent: nothing the server or a user sends becomes markup.
 * Strings can be overridden with data-* attributes (data-title, data-placeholder, data-send, data-new-chat,
 * data-open, data-close, data-sources, data-welcome, data-error, data-thinking, data-busy).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__kcWidgetLoaded) return;
  window.__kcWidgetLoaded = true;

  var data = script.dataset;
  var api = (data.api || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var text = {
    title: data.title || "Trợ lý khuyến công",
    placeholder: data.placeholder || "Nhập câu hỏi về khuyến công…",
    send: data.send || "Gửi",
    newChat: data.newChat || "Cuộc trò chuyện mới",
    open: data.open || "Mở trợ lý khuyến công",
    close: data.close || "Đóng",
    sources: data.sources || "Nguồn",
    proof: data.proof || "Căn cứ trích dẫn",
    welcome: data.welcome || "Xin chào! Hãy hỏi về đối tượng, điều kiện, mức hỗ trợ khuyến công. Mỗi câu trả lời đều dẫn nguồn văn bản.",
    error: data.error || "Không kết nối được máy chủ. Vui lòng thử lại.",
    thinking: data.thinking || "Đang tìm trong các văn bản…",
    busy: data.busy || "Bạn hỏi nhanh quá, vui lòng thử lại sau {s} giây."
  };
  var STATUS = {
    in_force: "còn hiệu lực", amended: "đã được sửa đổi", superseded: "đã bị thay thế", expired: "hết hiệu lực",
    unverified: "chưa xác minh", informational: "tin bài, tham khảo"
  };
  var STORE = "kc-widget:" + api;
  var MAX_STORED = 40;

  var CSS = [
    ":host{all:initial}",
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}",
    ".launcher{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;display:flex;align-items:center;justify-content:center;",
    "background:#0b5cad;color:#fff;font-size:28px;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483646}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #f0a500;outline-offset:2px}",
    ".panel{position:fixed;right:20px;bottom:92px;width:380px;height:560px;max-height:calc(100vh - 110px);",
    "display:flex;flex-direction:column;background:#fff;color:#1f2328;border-radius:12px;",
    "box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;z-index:2147483647;font-size:15px;line-height:1.45}",
    ".panel[hidden]{display:none}",
    "header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#0b5cad;color:#fff}",
    "header h2{flex:1;margin:0;font-size:16px;font-weight:600}",
    "header button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:6px;",
    "padding:4px 8px;font-size:13px;cursor:pointer}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;background:#f6f8fa}",
    ".msg{max-width:92%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere}",
    ".user{align-self:flex-end;background:#0b5cad;color:#fff}",
    ".assistant{align-self:flex-start;background:#fff;border:1px solid #d0d7de}",
    ".note{align-self:center;color:#57606a;font-size:13px;text-align:center}",
    ".lead{font-weight:600}",
    ".proof{margin-top:6px;font-size:13px;color:#57606a;white-space:pre-wrap}",
    ".proof summary{cursor:pointer;color:#0b5cad}",
    ".sources{margin-top:8px;padding-top:6px;border-top:1px solid #d0d7de;font-size:13px;white-space:normal}",
    ".sources b{display:block;margin-bottom:4px}",
    ".source{margin:3px 0;color:#1f2328}",
    ".badge{display:inline-block;margin-left:4px;padding:0 6px;border-radius:8px;background:#eaeef2;color:#57606a;font-size:12px}",
    ".badge.amended{background:#fff8c5;color:#7d4e00}.badge.superseded,.badge.expired{background:#ffebe9;color:#a40e26}",
    ".badge.in_force{background:#dafbe1;color:#116329}",
    "form{display:flex;gap:8px;padding:10px;border-top:1px solid #d0d7de;background:#fff}",
    "textarea{flex:1;resize:none;height:44px;padding:8px;border:1px solid #8c959f;border-radius:8px;font-size:15px;color:#1f2328;background:#fff}",
    "form button{padding:0 14px;border:0;border-radius:8px;background:#0b5cad;color:#fff;font-size:15px;cursor:pointer}",
    "form button[disabled]{opacity:.5;cursor:default}",
    "@media (max-width:767px){.panel{right:0;bottom:0;width:100vw;height:100vh;max-height:none;border-radius:0}",
    ".launcher{right:14px;bottom:14px}}"
  ].join("");

  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (content != null) node.textContent = content;
    return node;
  }

  function bubbleIcon() {
    // Drawn, not an emoji: hosts without an emoji font would show a box.
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "30");
    svg.setAttribute("height", "30");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z");
    svg.appendChild(path);
    return svg;
  }

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (e) { return []; }
  }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(messages.slice(-MAX_STORED))); } catch (e) { /* storage full or blocked */ }
  }

  var host = el("kc-chat-widget");
  host.style.cssText = "all:initial !important;display:block !important;position:static !important";
  var root = host.attachShadow({ mode: "open" });
  var style = el("style");
  style.textContent = CSS;
  root.appendChild(style);

  var launcher = el("button", { "class": "launcher", type: "button", "data-kc": "launcher", "aria-label": text.open,
    "aria-expanded": "false", "aria-controls": "kc-panel" });
  launcher.appendChild(bubbleIcon());
  var panel = el("section", { "class": "panel", id: "kc-panel", role: "dialog", "aria-label": text.title, hidden: "" });
  var header = el("header");
  header.appendChild(el("h2", {}, text.title));
  var newButton = el("button", { type: "button", "data-kc": "new" }, text.newChat);
  var closeButton = el("button", { type: "button", "aria-label": text.close }, "✕");
  header.appendChild(newButton);
  header.appendChild(closeButton);
  var log = el("div", { "class": "log", role: "log", "aria-live": "polite" });
  var form = el("form");
  var input = el("textarea", { "data-kc": "input", "aria-label": text.placeholder, placeholder: text.placeholder,
    maxlength: "2000", rows: "2" });
  var sendButton = el("button", { type: "submit", "data-kc": "send" }, text.send);
  form.appendChild(input);
  form.appendChild(sendButton);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);
  root.appendChild(launcher);
  root.appendChild(panel);
  (document.body || document.documentElement).appendChild(host);

  var messages = load();
  var busy = false;

  function renderSources(container, sources) {
    if (!sources || !sources.length) return;
    var box = el("div", { "class": "sources" });
    box.appendChild(el("b", {}, text.sources));
    sources.forEach(function (s) {
      var line = el("div", { "class": "source", "data-kc": "source" }, "[" + s.n + "] " + s.locator + " — " + s.label);
      line.appendChild(el("span", { "class": "badge " + (s.status || "") }, STATUS[s.status] || STATUS.unverified));
      box.appendChild(line);
    });
    container.appendChild(box);
  }

  function addMessage(message) {
    var node = el("div", { "class": "msg " + message.role, "data-kc": "message", "data-role": message.role });
    // The lead answers; the quotes and currency notes that prove it stay folded, so an answer fits a phone screen.
    var lead = message.lead && message.content.indexOf(message.lead) === 0 ? message.lead : message.content;
    var rest = message.content.slice(lead.length).trim();
    node.appendChild(el("div", { "class": "body" + (message.lead ? " lead" : ""), "data-kc": "lead" }, lead));
    if (rest) {
      var proof = el("details", { "class": "proof", "data-kc": "proof" });
      proof.appendChild(el("summary", {}, text.proof));
      proof.appendChild(el("div", {}, rest));
      node.appendChild(proof);
    }
    renderSources(node, message.sources);
    log.appendChild(node);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function renderAll() {
    log.textContent = "";
    if (!messages.length) log.appendChild(el("div", { "class": "note" }, text.welcome));
    messages.forEach(addMessage);
  }

  function setOpen(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) { input.focus(); log.scrollTop = log.scrollHeight; } else { launcher.focus(); }
  }

  function sourcesOf(result) {
    return (result.citations || []).map(function (c) {
      return { n: c.n, locator: c.locator, label: c.number || c.title, status: c.status };
    });
  }

  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        var parts = buffer.split("\n\n");
        buffer = parts.pop();
        parts.forEach(function (block) {
          var event = "message", payload = "";
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event:") === 0) event = line.slice(6).trim();
            else if (line.indexOf("data:") === 0) payload += line.slice(5).trim();
          });
          if (payload) onEvent(event, JSON.parse(payload));
        });
        return pump();
      });
    }
    return pump();
  }

  function ask(question) {
    if (busy || !question) return;
    busy = true;
    sendButton.disabled = true;
    if (!messages.length) log.textContent = "";
    var history = messages.slice(-10).map(function (m) { return { role: m.role, content: m.content.slice(0, 8000) }; });
    var user = { role: "user", content: question };
    messages.push(user);
    addMessage(user);
    save();
    var node = addMessage({ role: "assistant", content: text.thinking });
    var body = node.querySelector(".body");
    var streamed = "";
    fetch(api + "/api/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-KC-Channel": "widget" },
      body: JSON.stringify({ question: question, history: history })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (err) {
          var wait = response.headers.get("Retry-After");
          throw new Error(response.status === 429 && wait ? text.busy.replace("{s}", wait) : (err.error || text.error));
        });
      }
      return readEvents(response, function (event, payload) {
        if (event === "delta") { streamed += payload.text; body.textContent = streamed; }
        if (event === "done") {
          var reply = { role: "assistant", content: payload.answer, lead: payload.lead, sources: sourcesOf(payload) };
          log.removeChild(node);
          node = addMessage(reply);
          messages.push(reply);
          save();
        }
        log.scrollTop = log.scrollHeight;
      });
    }).catch(function (error) {
      body.textContent = error && error.message ? error.message : text.error;
      node.classList.add("note");
    }).then(function () {
      busy = false;
      sendButton.disabled = false;
      input.focus();
    });
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden); });
  closeButton.addEventListener("click", function () { setOpen(false); });
  newButton.addEventListener("click", function () { messages = []; save(); renderAll(); input.focus(); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") setOpen(false); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var question = input.value.trim();
    input.value = "";
    ask(question);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  renderAll();
})();
