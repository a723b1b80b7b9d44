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

  // No SVG <text> outside the visible part of its svg: the viewBox (mapped to the page with
  // getScreenCTM, which honours preserveAspectRatio) intersected with the svg's own box.
  // Glyph boxes include the font's line gap, so a quarter em of vertical slack is allowed.
  function svgText() {
    const out = [];
    for (const text of document.querySelectorAll('svg text')) {
      const svg = text.ownerSVGElement;
      if (!svg || !text.textContent.trim()) continue;
      const style = getComputedStyle(text);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (text.closest('defs, symbol, pattern, clipPath, mask, marker')) continue;
      const t = text.getBoundingClientRect();
      if (t.width === 0 && t.height === 0) continue;
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
      const em = parseFloat(style.fontSize) * (m ? Math.abs(m.d || 1) : 1) || 12;
      const slackX = 1, slackY = Math.max(1, em * 0.25);
      const over = [];
      if (t.left < box.left - slackX) over.push(`left by ${(box.left - t.left).toFixed(1)} px`);
      if (t.right > box.right + slackX) over.push(`right by ${(t.right - box.right).toFixed(1)} px`);
      if (t.top < box.top - slackY) over.push(`top by ${(box.top - t.top).toFixed(1)} px`);
      if (t.bottom > box.bottom + slackY) over.push(`bottom by ${(t.bottom - box.bottom).toFixed(1)} px`);
      if (over.length) {
        out.push({ what: `SVG text "${shortText(text.textContent)}" falls outside its viewBox: ${over.join(', ')}`, where: describe(svg) });
      }
    }
    return out;
  }

  // No two SVG <text> of one svg overlap (design: axis labels are thinned, never overlap).
  // Glyph boxes include the line gap, so boxes must overlap by more than a third of an em
  // vertically (and 1 px horizontally) to count.
  function svgOverlap() {
    const out = [];
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.parentElement && svg.parentElement.closest('svg')) continue;
      const boxes = [];
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent.trim() || text.closest('defs, symbol, pattern, clipPath, mask, marker')) continue;
        const style = getComputedStyle(text);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = text.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) boxes.push({ text, r });
      }
      const reported = new Set();
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > Math.min(a.height, b.height) / 3 && !reported.has(boxes[i].text)) {
            reported.add(boxes[i].text);
            out.push({ what: `SVG texts overlap: "${shortText(boxes[i].text.textContent, 30)}" and "${shortText(boxes[j].text.textContent, 30)}"`, where: describe(svg) });
          }
        }
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

  return { svgNames, svgText, svgOverlap, overflow };
})();
