"""WCAG 1.4.10 reflow: a page at 320 CSS pixels wide must not scroll sideways.

Measured in the tab already showing the page: narrowing the viewport lays the page out again without
loading it, so the check costs a few milliseconds a visit.
"""

from playwright.sync_api import Page

NARROW = 320

# The page's scroll width, and if that is wider than the viewport the elements that reach past it, widest
# first: the innermost ones (the cell, the word, the picture at fault rather than everything around
# it), counting both an element's box and what overflows it, leaving out what a scrolling region (an
# ancestor with overflow other than visible) keeps in, unless nothing else reaches.
MEASURE = """(limit) => {
  const width = document.documentElement.scrollWidth;
  if (width <= limit) return {width, culprits: []};
  const reach = (element) => {
    const box = element.getBoundingClientRect();
    const overflow = getComputedStyle(element).overflowX === "visible" ? element.scrollWidth : 0;
    return Math.max(box.right, box.left + overflow) + window.scrollX;
  };
  const contained = (element) => {
    for (let up = element.parentElement; up && up !== document.documentElement; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  const describe = (element) => {
    const id = element.id ? "#" + element.id : "";
    const classes = [...element.classList].map((name) => "." + name).join("");
    const text = (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    return `<${element.tagName.toLowerCase()}${id}${classes}> reaches ${Math.round(reach(element))}px: "${text}"`;
  };
  const reaching = [...document.querySelectorAll("body, body *")]
    .filter((element) => reach(element) > limit)
    .filter((element) => ![...element.children].some((child) => reach(child) > limit));
  const loose = reaching.filter((element) => !contained(element));
  // Nothing outside a region: then something positioned escapes one (its containing block is outside).
  const culprits = (loose.length ? loose : reaching).sort((a, b) => reach(b) - reach(a)).slice(0, 5).map(describe);
  return {width, culprits};
}"""


def reflow_faults(page: Page) -> str:
    """What makes the page scroll sideways at 320 CSS pixels wide ("" when nothing does).

    The viewport is put back as it was, whatever happens, as the tab serves the next visit.
    """
    viewport = page.viewport_size
    assert viewport is not None
    page.set_viewport_size({"width": NARROW, "height": viewport["height"]})
    try:
        found = page.evaluate(MEASURE, NARROW)
    finally:
        page.set_viewport_size(viewport)
    if found["width"] <= NARROW:
        return ""
    return f"{found['width']}px wide at {NARROW}px: " + "; ".join(found["culprits"])
