/**
 * The widget's whole stylesheet. It lives in the shadow root as a constructed stylesheet
 * (adoptedStyleSheets), which a host page's CSP `style-src` does not govern, and `:host { all:
 * initial }` keeps the host page's inherited styles out. `--accent` and `--on-accent` are set per widget.
 */
export const WIDGET_CSS = `
:host { all: initial; }
.root {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: flex; flex-direction: column; align-items: flex-end; gap: 12px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2328; -webkit-font-smoothing: antialiased;
}
*, *::before, *::after { box-sizing: border-box; }
button, input, textarea { font: inherit; color: inherit; }
[hidden] { display: none !important; }
.launcher {
  position: relative; width: 58px; height: 58px; border: 0; border-radius: 50%; cursor: pointer;
  background: var(--accent); color: var(--on-accent); display: grid; place-items: center;
  box-shadow: 0 6px 20px rgba(0,0,0,.22), 0 2px 6px rgba(0,0,0,.12); transition: transform .15s ease;
}
.launcher:hover { transform: scale(1.05); }
.launcher:focus-visible, .icon-button:focus-visible, .send:focus-visible, .primary:focus-visible {
  outline: 3px solid color-mix(in srgb, var(--accent) 45%, white); outline-offset: 2px;
}
.badge {
  position: absolute; top: -2px; right: -2px; min-width: 20px; height: 20px; padding: 0 6px;
  border-radius: 10px; background: #e03131; color: #fff; font-size: 12px; font-weight: 700;
  display: grid; place-items: center; border: 2px solid #fff;
}
.panel {
  width: 370px; height: min(580px, calc(100vh - 110px)); background: #fff; border-radius: 16px;
  display: flex; flex-direction: column; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0,0,0,.22), 0 2px 8px rgba(0,0,0,.10);
}
.header {
  background: var(--accent); color: var(--on-accent); padding: 16px 12px 16px 18px;
  display: flex; align-items: center; gap: 10px;
}
.header h2 { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; }
.header p { margin: 2px 0 0; font-size: 12.5px; opacity: .85; }
.header .titles { flex: 1; min-width: 0; }
.icon-button {
  width: 34px; height: 34px; border: 0; border-radius: 8px; background: transparent; cursor: pointer;
  display: grid; place-items: center; color: inherit; flex: none;
}
.header .icon-button:hover { background: rgba(255,255,255,.18); }
.banner { background: #fff4e6; color: #a44a00; font-size: 12.5px; padding: 6px 16px; text-align: center; }
.body { flex: 1; min-height: 0; display: flex; flex-direction: column; background: #f6f7f9; }
.prechat { padding: 24px 20px; display: flex; flex-direction: column; gap: 14px; overflow: auto; }
.prechat p { margin: 0; color: #495057; }
.field { display: flex; flex-direction: column; gap: 5px; font-size: 13px; font-weight: 600; color: #343a40; }
.field input {
  font-weight: 400; padding: 10px 12px; border: 1px solid #ced4da; border-radius: 8px; background: #fff;
  outline: none;
}
.field input:focus { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 20%, transparent); }
.primary {
  border: 0; border-radius: 8px; padding: 11px 14px; font-weight: 650; cursor: pointer;
  background: var(--accent); color: var(--on-accent);
}
.primary:disabled { opacity: .6; cursor: default; }
.error { color: #c92a2a; font-size: 12.5px; margin: 0; }
.messages { flex: 1; overflow-y: auto; padding: 16px 14px 8px; display: flex; flex-direction: column; gap: 4px; }
.empty { margin: auto; text-align: center; color: #868e96; font-size: 13px; padding: 0 24px; }
.row { display: flex; flex-direction: column; max-width: 80%; }
.row.visitor { align-self: flex-end; align-items: flex-end; }
.row.agent { align-self: flex-start; align-items: flex-start; }
.row.first { margin-top: 8px; }
.author { font-size: 11.5px; color: #868e96; margin: 0 4px 2px; }
.bubble {
  padding: 8px 12px; border-radius: 16px; white-space: pre-wrap; overflow-wrap: anywhere;
  background: #fff; border: 1px solid #e9ecef;
}
.visitor .bubble { background: var(--accent); color: var(--on-accent); border-color: transparent; border-bottom-right-radius: 5px; }
.agent .bubble { border-bottom-left-radius: 5px; }
.bubble a { color: inherit; text-decoration: underline; }
.bubble img { display: block; max-width: 100%; max-height: 220px; border-radius: 10px; margin: 2px 0 4px; }
.file { display: inline-flex; align-items: center; gap: 6px; font-weight: 600; }
.meta { font-size: 11.5px; color: #868e96; margin: 2px 4px 0; display: flex; gap: 6px; align-items: center; }
.meta .failed { color: #c92a2a; }
.meta button { border: 0; background: none; padding: 0; color: var(--accent); cursor: pointer; font-size: 11.5px; font-weight: 600; }
.typing { display: flex; align-items: center; gap: 8px; padding: 2px 18px 8px; color: #868e96; font-size: 12.5px; }
.dots { display: inline-flex; gap: 3px; background: #fff; border: 1px solid #e9ecef; border-radius: 12px; padding: 7px 9px; }
.dots i { width: 6px; height: 6px; border-radius: 50%; background: #adb5bd; animation: blink 1.2s infinite ease-in-out; }
.dots i:nth-child(2) { animation-delay: .2s; } .dots i:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .3; transform: translateY(0); } 40% { opacity: 1; transform: translateY(-2px); } }
.composer { border-top: 1px solid #e9ecef; background: #fff; padding: 8px 8px 10px; }
.chip {
  display: inline-flex; align-items: center; gap: 4px; max-width: 100%; margin: 0 0 6px 4px;
  padding: 3px 4px 3px 10px; border-radius: 14px; background: #f1f3f5; font-size: 12.5px;
}
.chip span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip .icon-button { width: 22px; height: 22px; }
.compose-row { display: flex; align-items: flex-end; gap: 4px; }
.compose-row textarea {
  flex: 1; resize: none; border: 0; outline: none; padding: 8px 6px; max-height: 120px; min-height: 38px;
  background: transparent; line-height: 1.4;
}
.compose-row .icon-button { color: #868e96; }
.compose-row .icon-button:hover { background: #f1f3f5; color: #495057; }
.send { width: 38px; height: 38px; border: 0; border-radius: 50%; cursor: pointer; background: var(--accent); color: var(--on-accent); display: grid; place-items: center; flex: none; }
.send:disabled { opacity: .45; cursor: default; }
.footer-note { text-align: center; font-size: 11px; color: #adb5bd; padding: 4px 0 0; }
@media (max-width: 480px) {
  .root { right: 12px; bottom: 12px; }
  .root.open { inset: 0; gap: 0; }
  .root.open .panel { width: 100vw; height: 100%; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) { .dots i { animation: none; } .launcher { transition: none; } }
`;
