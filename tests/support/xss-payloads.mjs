// XSS payloads from public cheat sheets (OWASP "XSS Filter Evasion Cheat Sheet", PortSwigger's
// "Cross-site scripting cheat sheet", well-known polyglots such as 0xSobky's and Gareth Heyes'),
// adapted so that running any of them is observable: each sets `window.__xss` or opens a dialog
// (alert/confirm/prompt). Used as the PG's error_msg and as product names in tests/security.test.mjs.
//
// Rendered with textContent none of them may run. A few only run when the text lands in an
// attribute, a URL or a <script>: they are here because a page that "sanitises" instead of using
// textContent tends to put text exactly there.

/** @type {ReadonlyArray<{ name: string, payload: string }>} */
export const XSS_PAYLOADS = Object.freeze([
  // Plain tags (OWASP basic)
  { name: 'script tag', payload: '<script>window.__xss=1</script>' },
  { name: 'script tag, alert', payload: '<script>alert(1)</script>' },
  { name: 'script src data URL', payload: '<script src="data:text/javascript,window.__xss=1"></script>' },
  { name: 'img onerror', payload: '<img src=x onerror="window.__xss=1">' },
  { name: 'img onerror, no quotes', payload: '<img src=x onerror=window.__xss=1>' },
  { name: 'img onerror, alert', payload: '<IMG SRC=# onerror="alert(1)">' },
  { name: 'img mixed case', payload: '<IMG SRC=x OnErRoR=window.__xss=1>' },
  { name: 'img with grave accents', payload: '<img src=x onerror=`window.__xss=1`>' },
  { name: 'img malformed quotes', payload: '<IMG """><SCRIPT>window.__xss=1</SCRIPT>">' },
  { name: 'img slash separator', payload: '<img/src=x/onerror=window.__xss=1>' },
  { name: 'img newline in handler', payload: '<img src=x\nonerror\n=\nwindow.__xss=1>' },
  { name: 'svg onload', payload: '<svg onload="window.__xss=1"></svg>' },
  { name: 'svg/onload', payload: '<svg/onload=window.__xss=1>' },
  { name: 'svg script', payload: '<svg><script>window.__xss=1</script></svg>' },
  {
    name: 'svg animate href',
    payload:
      '<svg><a><animate attributeName=href values=javascript:window.__xss=1 /><text x=20 y=20>click</text></a></svg>',
  },
  { name: 'svg set onbegin', payload: '<svg><set onbegin="window.__xss=1" attributeName=x to=1></set></svg>' },
  { name: 'svg animate onbegin', payload: '<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>' },
  { name: 'math/mtext confusion', payload: '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>' },
  { name: 'body onload', payload: '<body onload="window.__xss=1">' },
  { name: 'iframe srcdoc', payload: '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>' },
  { name: 'iframe javascript src', payload: '<iframe src="javascript:parent.__xss=1"></iframe>' },
  { name: 'iframe onload', payload: '<iframe onload=window.__xss=1>' },
  { name: 'object data', payload: '<object data="javascript:window.__xss=1"></object>' },
  { name: 'embed src', payload: '<embed src="javascript:window.__xss=1">' },
  { name: 'details ontoggle', payload: '<details open ontoggle="window.__xss=1">' },
  { name: 'input autofocus onfocus', payload: '<input autofocus onfocus="window.__xss=1">' },
  { name: 'select autofocus onfocus', payload: '<select autofocus onfocus=window.__xss=1>' },
  { name: 'textarea autofocus', payload: '<textarea autofocus onfocus=window.__xss=1>' },
  { name: 'video source onerror', payload: '<video><source onerror="window.__xss=1"></video>' },
  { name: 'audio src onerror', payload: '<audio src=x onerror=window.__xss=1>' },
  { name: 'marquee onstart', payload: '<marquee onstart=window.__xss=1>x</marquee>' },
  { name: 'style onload', payload: '<style onload=window.__xss=1></style>' },
  { name: 'link onload', payload: '<link rel=stylesheet href=data:, onload=window.__xss=1>' },
  { name: 'meta refresh javascript', payload: '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">' },
  { name: 'base href', payload: '<base href="javascript:window.__xss=1//">' },
  { name: 'form action', payload: '<form action="javascript:window.__xss=1"><button autofocus>go</button></form>' },
  { name: 'a href javascript', payload: '<a href="javascript:window.__xss=1" id=xssa>click</a>' },
  {
    name: 'a href entity-encoded javascript',
    payload: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=1">x</a>',
  },
  {
    name: 'img src hex entities',
    payload: '<IMG SRC=x onerror=&#x77;&#x69;&#x6E;&#x64;&#x6F;&#x77;&#x2E;&#x5F;&#x5F;&#x78;&#x73;&#x73;&#x3D;&#x31;>',
  },
  {
    name: 'img src decimal entities, no semicolons',
    payload:
      '<IMG SRC=x onerror=&#0000119&#0000105&#0000110&#0000100&#0000111&#0000119&#0000046&#0000095&#0000095&#0000120&#0000115&#0000115&#0000061&#0000049>',
  },
  { name: 'embedded tab in javascript:', payload: '<a href="jav\tascript:window.__xss=1">x</a>' },
  { name: 'embedded encoded tab', payload: '<a href="jav&#x09;ascript:window.__xss=1">x</a>' },
  { name: 'null byte in tag', payload: '<scr\u0000ipt>window.__xss=1</scr\u0000ipt>' },
  { name: 'non-alpha-non-digit', payload: '<SCRIPT/XSS SRC="data:,window.__xss=1"></SCRIPT>' },
  { name: 'extraneous open bracket', payload: '<<SCRIPT>window.__xss=1;//<</SCRIPT>' },
  { name: 'half-open tag', payload: '<img src=x onerror="window.__xss=1"' },
  { name: 'end title tag', payload: '</TITLE><SCRIPT>window.__xss=1</SCRIPT>' },
  { name: 'close textarea', payload: '</textarea><script>window.__xss=1</script>' },
  { name: 'close attribute (double)', payload: '"><img src=x onerror=window.__xss=1>' },
  { name: 'close attribute (single)', payload: "'><svg onload=window.__xss=1>" },
  { name: 'close script string', payload: "';window.__xss=1;//" },
  { name: 'close script tag', payload: '</script><script>window.__xss=1</script>' },
  { name: 'template literal', payload: '${window.__xss=1}' },
  { name: 'angular expression', payload: "{{constructor.constructor('window.__xss=1')()}}" },
  { name: 'javascript: URL', payload: 'javascript:window.__xss=1' },
  { name: 'javascript: URL, mixed case and spaces', payload: ' JaVaScRiPt:window.__xss=1' },
  { name: 'data: URL html', payload: 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==' },
  { name: 'vbscript: URL', payload: 'vbscript:msgbox(1)' },
  { name: 'HTML-entity-encoded tag', payload: '&lt;img src=x onerror=window.__xss=1&gt;' },
  { name: 'double-encoded tag', payload: '%253Cscript%253Ewindow.__xss=1%253C/script%253E' },
  { name: 'percent-encoded tag', payload: '%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E' },
  { name: 'unicode-escaped tag', payload: '\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e' },
  { name: 'full-width brackets', payload: '＜script＞window.__xss=1＜/script＞' },
  {
    name: 'polyglot (0xSobky)',
    payload:
      'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=window.__xss=1 )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=window.__xss=1//>\\x3e',
  },
  {
    name: 'polyglot (Heyes)',
    payload:
      'javascript:"/*\'/*`/*--></noscript></title></textarea></style></template></noembed></script><html " onmouseover=/*&lt;svg/*/onload=window.__xss=1//>',
  },
  {
    name: 'polyglot (Mathias)',
    payload:
      '\'">><marquee><img src=x onerror=window.__xss=1></marquee>"></plaintext\\></|\\><plaintext/onmouseover=prompt(1)><script>prompt(1)</script>@gmail.com<isindex formaction=javascript:alert(/XSS/) type=submit>\'-->"></script><script>alert(1)</script>"><img/id="confirm&lpar;1)"/alt="/"src="/"onerror=eval(id)>\'">',
  },
  { name: 'noscript mutation', payload: '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">' },
  { name: 'comment break-out', payload: '<!--<img src="--><img src=x onerror=window.__xss=1//">' },
  {
    name: 'CDATA in svg',
    payload: '<svg><![CDATA[><image xlink:href="]]><img src=x onerror=window.__xss=1>">]]></svg>',
  },
  { name: 'xmp break-out', payload: '<xmp><p title="</xmp><svg/onload=window.__xss=1>">' },
  { name: 'Korean text around a tag', payload: '잔액이 부족합니다<img src=x onerror=window.__xss=1>결제 실패' },
  { name: 'emoji and RTL override', payload: '😀\u202E<svg onload=window.__xss=1>\u202C' },
  { name: 'CSS expression (legacy)', payload: '<div style="width: expression(window.__xss=1)">x</div>' },
  { name: 'style url javascript', payload: '<div style="background:url(javascript:window.__xss=1)">x</div>' },
  { name: 'dialog confirm', payload: '<img src=x onerror=confirm(1)>' },
  { name: 'dialog prompt via setTimeout string', payload: '<img src=x onerror="setTimeout(\'prompt(1)\')">' },
]);
