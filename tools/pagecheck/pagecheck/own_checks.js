// The checks axe-core does not do, run inside the page. Each returns a list of
// {what, where} objects; the Python side (own_checks.py) turns them into findings.
window.__pagecheck = (() => {
  // A short, stable locator for an element: nearest ancestor with an id, then the element.
  function describe(el) {
    const self = (e) => {
      if (e.id) return `${e.tagName.toLowerCase()}#${e.id}`;
      const tag = e.tagName.toLowerCase();
      const cls = (e.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
      const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.tagName === e.tagName) : [e];
      const nth = same.length > 1 ? `:nth-of-type(${same.indexOf(e) + 1})` : '';
      return tag + cls.map((c) => '.' + c).join('') + nth;
    };
    if (el.id) return self(el);
    const parts = [self(el)];
    for (let p = el.parentElement; p && p !== document.body && parts.length < 4; p = p.parentElement) {
      parts.unshift(self(p));
      if (p.id) break;
    }
    return parts.join(' > ');
  }

  const shortText = (s, n = 40) => { s = s.replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; };

  // A <text>'s own words (its text and <tspan>s, not a <title> tooltip inside it).
  const label = (text) => [...text.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE || n.localName === 'tspan' || n.localName === 'textPath')
    .map((n) => n.textContent).join('');

  // The page-space corners of a <text>'s glyph box, rotation included. Glyph boxes include
  // the font's line gap: `trim` (a fraction of the height) is taken off the top and bottom.
  function quad(text, trim) {
    const b = text.getBBox();
    const m = text.getScreenCTM();
    if (!m || (b.width === 0 && b.height === 0)) return null;
    const y0 = b.y + b.height * trim, y1 = b.y + b.height * (1 - trim);
    return [[b.x, y0], [b.x + b.width, y0], [b.x + b.width, y1], [b.x, y1]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
  }

  // How far two convex quads overlap along the axis where they overlap least (separating
  // axis theorem); <= 0 when they do not overlap.
  function penetration(p, q) {
    let least = Infinity;
    for (const poly of [p, q]) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i], b = poly[(i + 1) % poly.length];
        const len = Math.hypot(b.x - a.x, b.y - a.y);
        if (len === 0) continue;
        const nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;
        const proj = (poly2) => poly2.map((v) => v.x * nx + v.y * ny);
        const pp = proj(p), qq = proj(q);
        least = Math.min(least, Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq)));
      }
    }
    return least;
  }

  function accessibleName(svg) {
    const labelledby = (svg.getAttribute('aria-labelledby') || '').trim();
    if (labelledby) {
      const text = labelledby.split(/\s+/).map((id) => {
        const e = document.getElementById(id);
        return e ? e.textContent : '';
      }).join(' ').trim();
      if (text) return text;
    }
    const label = (svg.getAttribute('aria-label') || '').trim();
    if (label) return label;
    const title = [...svg.children].find((c) => c.localName === 'title');
    return title ? title.textContent.trim() : '';
  }

  // Every outermost <svg> has role="img" and a non-empty accessible name. Exempt: an
  // aria-hidden svg that renders nothing (a holder of shared <defs> such as hatch patterns).
  function svgNames() {
    const out = [];
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.parentElement && svg.parentElement.closest('svg')) continue;
      const r = svg.getBoundingClientRect();
      const invisible = r.width === 0 || r.height === 0 || getComputedStyle(svg).display === 'none';
      if (svg.getAttribute('aria-hidden') === 'true' && invisible) continue;
      const role = (svg.getAttribute('role') || '').trim();
      if (role !== 'img') out.push({ what: role ? `<svg> has role="${role}", not role="img"` : '<svg> without role="img"', where: describe(svg) });
      if (!accessibleName(svg)) out.push({ what: '<svg> without an accessible name (aria-label, aria-labelledby or <title>)', where: describe(svg) });
    }
    return out;
  }

  // The visible <text> elements of an outermost svg (not in defs, not hidden, not empty).
  function textsOf(svg) {
    return [...svg.querySelectorAll('text')].filter((text) => {
      if (!label(text).trim() || text.closest('defs, symbol, pattern, clipPath, mask, marker')) return false;
      const style = getComputedStyle(text);
      return style.display !== 'none' && style.visibility !== 'hidden';
    });
  }

  const outermostSvgs = () => [...document.querySelectorAll('svg')]
    .filter((svg) => !(svg.parentElement && svg.parentElement.closest('svg')));

  // No SVG <text> outside the visible part of its svg: the viewBox (mapped to the page with
  // getScreenCTM, which honours preserveAspectRatio) intersected with the svg's own box.
  // The text's glyph box is taken with its rotation, less 15 % of its height at the top and
  // bottom (the line gap), with 1 px of slack.
  function svgText() {
    const out = [];
    for (const outer of outermostSvgs()) {
      for (const text of textsOf(outer)) {
        const svg = text.ownerSVGElement;
        const corners = quad(text, 0.15);
        if (!corners) continue;
        const s = svg.getBoundingClientRect();
        let box = { left: s.left, top: s.top, right: s.right, bottom: s.bottom };
        const vb = svg.hasAttribute('viewBox') && svg.viewBox.baseVal;
        const m = svg.getScreenCTM();
        if (vb && vb.width > 0 && vb.height > 0 && m) {
          const a = new DOMPoint(vb.x, vb.y).matrixTransform(m);
          const b = new DOMPoint(vb.x + vb.width, vb.y + vb.height).matrixTransform(m);
          box = {
            left: Math.max(box.left, Math.min(a.x, b.x)), right: Math.min(box.right, Math.max(a.x, b.x)),
            top: Math.max(box.top, Math.min(a.y, b.y)), bottom: Math.min(box.bottom, Math.max(a.y, b.y)),
          };
        }
        const xs = corners.map((c) => c.x), ys = corners.map((c) => c.y);
        const t = { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
        const over = [];
        if (t.left < box.left - 1) over.push(`left by ${(box.left - t.left).toFixed(1)} px`);
        if (t.right > box.right + 1) over.push(`right by ${(t.right - box.right).toFixed(1)} px`);
        if (t.top < box.top - 1) over.push(`top by ${(box.top - t.top).toFixed(1)} px`);
        if (t.bottom > box.bottom + 1) over.push(`bottom by ${(t.bottom - box.bottom).toFixed(1)} px`);
        if (over.length) {
          out.push({ what: `SVG text "${shortText(label(text))}" falls outside its viewBox: ${over.join(', ')}`, where: describe(outer) });
        }
      }
    }
    return out;
  }

  // No two SVG <text> of one svg overlap (design: axis labels are thinned, never overlap).
  // Glyph boxes with their rotation, less a sixth of their height at the top and bottom
  // (the line gap), must overlap by more than 1 px to count.
  function svgOverlap() {
    const out = [];
    for (const svg of outermostSvgs()) {
      const items = textsOf(svg).map((text) => ({ text, q: quad(text, 1 / 6) })).filter((i) => i.q);
      const reported = new Set();
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length && !reported.has(i); j++) {
          if (penetration(items[i].q, items[j].q) > 1) {
            reported.add(i);
            out.push({ what: `SVG texts overlap: "${shortText(label(items[i].text), 30)}" and "${shortText(label(items[j].text), 30)}"`, where: describe(svg) });
          }
        }
      }
    }
    return out;
  }

  // Chart text a reader can read: every <text> of a chart (svg.chart, svg.chart-spark: the
  // charts of sprint-report) renders at least `min` CSS px — its computed font size (in the
  // svg's user units) times the scale of its screen CTM. Run in the phone viewport, where a
  // chart squeezed to the screen's width shrinks its text.
  function svgFontSize(min = 11) {
    const out = [];
    for (const svg of outermostSvgs()) {
      if (!svg.matches('svg.chart, svg.chart-spark')) continue;
      const r = svg.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let smallest = null;
      for (const text of textsOf(svg)) {
        const m = text.getScreenCTM();
        if (!m) continue;
        const size = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        if (size + 0.05 < min && (!smallest || size < smallest.size)) smallest = { size, text };
      }
      if (smallest) {
        out.push({ what: `SVG text "${shortText(label(smallest.text), 30)}" renders at ${smallest.size.toFixed(1)} px, under ${min} px`, where: describe(svg) });
      }
    }
    return out;
  }

  // The document must not scroll sideways. When it does, name the outermost elements that
  // stick out and are not inside a scrolling (overflow-x auto/scroll) or clipping wrapper.
  function overflow() {
    window.scrollTo(0, 0);
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement.scrollWidth;
    if (scrollWidth <= width) return [];
    const contained = (el) => {
      for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const sticking = new Set();
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5 && !contained(el)) sticking.add(el);
    }
    const outermost = [...sticking].filter((el) => !sticking.has(el.parentElement));
    const where = outermost.slice(0, 5).map((el) => `${describe(el)} to ${Math.round(el.getBoundingClientRect().right)} px`);
    if (outermost.length > 5) where.push(`${outermost.length - 5} more`);
    return [{ what: `page is ${scrollWidth} px wide at ${width} px (scrolls sideways)`, where: where.join('; ') || 'no single element found' }];
  }

  return { svgNames, svgText, svgOverlap, svgFontSize, overflow };
})();
