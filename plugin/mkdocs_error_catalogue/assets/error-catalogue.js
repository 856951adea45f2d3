/* mkdocs-error-catalogue: the reader's side of the rendered error tables.

   Progressive enhancement only: without this script every row stays visible, `:target`
   tints the row a link lands on, and narrow screens scroll the table sideways.
   With it:
   - a filter box above each table narrows its rows as the reader types (code, id or any
     text of the row; every word must match); Escape clears it; a polite live region says
     "3 of 12 errors" or "No matching errors";
   - the row a link lands on (on load, on `hashchange`, after Material's instant navigation)
     is scrolled below the sticky header and highlighted until the reader moves on: follows
     a link to another place, clicks or taps outside the row, or scrolls it out of view;
   - each cell gets its column heading as `data-label`, which the stylesheet shows when the
     table is narrow and its rows are stacked;
   - Material's instant previews (`navigation.instant.preview`) of a link to a row show that
     row as a card, where Material, taking the row for a heading, ran its cells together and
     added every later row;
   - on the site's "not found" page, reached by a deep link to a code that the catalogue does
     not have (`errors/99999/`), a line says so and links to the reference (the plugin puts
     what this needs in the page: a `div.error-catalogue-not-found-data` per language).
   Texts come from each table's wrapper (the `labels` option, or the site's language), and
   can be replaced by defining `window.errorCatalogueLabels` (same keys as LABELS) in a
   script listed before this one in `extra_javascript`.
   Plain ES2017, no dependencies, no network. */
(function () {
  "use strict";

  const PREFIX = "error-catalogue";
  const ENHANCED = PREFIX + "--enhanced";
  const HIGHLIGHTED = PREFIX + "-entry--highlighted";
  const LABELS = {
    filter: "Filter errors",
    placeholder: "Code or words",
    count: "{shown} of {total} errors",
    none: "No matching errors",
    notFound: "Error {code} is not in the error reference.",
    notFoundLink: "See every error",
  };
  // Where a table's wrapper holds each of them (`data-filter-placeholder`...).
  const DATA_LABELS = {
    filter: "filter",
    placeholder: "filterPlaceholder",
    count: "filterCount",
    none: "filterNone",
    notFound: "notFound",
    notFoundLink: "notFoundLink",
  };

  let filters = new Map(); // table wrapper -> { clear() }
  let highlighted = null; // the highlighted row
  let observer = null; // watches it leave the viewport
  let counter = 0;

  /* The texts for one table: the script's own, then those the `labels` option or the site's
     language gave the table (`data-filter-count`...), then `window.errorCatalogueLabels`. */
  function labels(wrapper) {
    const given = {};
    Object.keys(DATA_LABELS).forEach((key) => {
      const value = wrapper.dataset[DATA_LABELS[key]];
      if (value !== undefined) {
        given[key] = value;
      }
    });
    return Object.assign({}, LABELS, given, window.errorCatalogueLabels || {});
  }

  /* Lower case, accents off, runs of white space as one space. */
  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  function enhance(wrapper, text) {
    const table = wrapper.querySelector("table");
    const body = table && table.tBodies[0];
    if (!body || wrapper.classList.contains(ENHANCED)) {
      return;
    }
    const headings = columnHeadings(table);
    const rows = Array.from(body.rows);
    const haystacks = rows.map((row) => {
      labelCells(row, headings);
      return fold(row.id + " " + row.textContent);
    });

    const id = PREFIX + "-filter-" + ++counter;
    const box = document.createElement("div");
    box.className = PREFIX + "-filter";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = text.filter;
    const input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.placeholder = text.placeholder;
    input.autocomplete = "off";
    input.spellcheck = false;
    const status = document.createElement("span");
    status.className = PREFIX + "-filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.append(label, input, status);

    function apply() {
      const terms = fold(input.value).split(" ").filter(Boolean);
      let shown = 0;
      rows.forEach((row, index) => {
        const match = terms.every((term) => haystacks[index].includes(term));
        row.style.display = match ? "" : "none";
        shown += match ? 1 : 0;
      });
      table.style.display = shown ? "" : "none";
      if (!terms.length) {
        status.textContent = "";
      } else if (!shown) {
        status.textContent = text.none;
      } else {
        status.textContent = text.count
          .replace("{shown}", String(shown))
          .replace("{total}", String(rows.length));
      }
    }

    function clear() {
      input.value = "";
      apply();
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        event.stopPropagation(); // the theme's own Escape handling has nothing to close
        clear();
      }
    });
    wrapper.classList.add(ENHANCED);
    wrapper.parentNode.insertBefore(box, wrapper);
    filters.set(wrapper, { clear: clear });
  }

  function columnHeadings(table) {
    const head = table.tHead && table.tHead.rows[0];
    return head ? Array.from(head.cells, (cell) => cell.textContent.trim()) : [];
  }

  /* Each cell of `row` gets its column's heading, shown when rows are stacked as cards. */
  function labelCells(row, headings) {
    Array.from(row.cells).forEach((cell, index) => {
      if (headings[index]) {
        cell.setAttribute("data-label", headings[index]);
      }
    });
  }

  /* The catalogue row of `doc` that the fragment `hash` ("#1004", or "#division_by_zero":
     a name's id is on the name inside the row) names, if any. */
  function rowAt(doc, hash) {
    let id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch (error) {
      return null; // a malformed escape: not one of ours
    }
    const element = id ? doc.getElementById(id) : null;
    return element ? element.closest("." + PREFIX + " tbody > tr[id]") : null;
  }

  /* The catalogue row the address points at, if any. */
  function targetRow() {
    return rowAt(document, location.hash);
  }

  function unhighlight() {
    if (observer) {
      observer.disconnect();
      observer = null;
    }
    if (highlighted) {
      highlighted.classList.remove(HIGHLIGHTED);
      highlighted = null;
    }
  }

  /* Highlight the targeted row; `scroll` when the page moved under it since the browser
     scrolled (filter boxes added above it, a filter that hid it cleared). */
  function land(scroll) {
    const row = targetRow();
    if (row !== highlighted) {
      unhighlight();
    }
    if (!row) {
      return;
    }
    if (row.style.display === "none") {
      const filter = filters.get(row.closest("." + PREFIX));
      if (filter) {
        filter.clear();
      }
      scroll = true;
    }
    if (scroll) {
      row.scrollIntoView({ block: "start" });
    }
    if (row === highlighted) {
      return;
    }
    row.classList.add(HIGHLIGHTED);
    highlighted = row;
    if ("IntersectionObserver" in window) {
      let seen = false;
      observer = new IntersectionObserver((entries) => {
        entries.forEach((entry) => {
          if (entry.isIntersecting) {
            seen = true;
          } else if (seen && entry.target === highlighted) {
            unhighlight(); // scrolled out of view: the reader has moved on
          }
        });
      });
      observer.observe(row);
    }
  }

  /* On the "not found" page: the plugin's data for the deep links the address is under, and
     the code it names; null for any other page or address. */
  function missingDeepLink() {
    let path = window.location.pathname;
    try {
      path = decodeURIComponent(path);
    } catch (error) {
      // a malformed escape: the path as it is
    }
    for (const data of document.querySelectorAll("." + PREFIX + "-not-found-data")) {
      const prefix = data.dataset.deepLinks;
      const found = path.startsWith(prefix)
        && /^([^/]+)\/?(?:index\.html)?$/.exec(path.slice(prefix.length));
      if (found) {
        return { data: data, code: found[1] };
      }
    }
    return null;
  }

  /* Under the page's heading: the code is not documented, rather than the site broken. */
  function sayNotFound() {
    const missing = missingDeepLink();
    if (!missing || document.querySelector("." + PREFIX + "-not-found")) {
      return;
    }
    const texts = labels(missing.data);
    const code = document.createElement("code");
    code.textContent = missing.code;
    const link = document.createElement("a");
    link.href = missing.data.dataset.reference;
    link.textContent = texts.notFoundLink;
    const parts = texts.notFound.split("{code}");
    const notice = document.createElement("p");
    notice.className = PREFIX + "-not-found";
    notice.append(parts[0], code, parts.slice(1).join("{code}"), " ", link);
    const content = document.querySelector(".md-content__inner, [role=main], main") || document.body;
    const heading = content.querySelector("h1");
    if (heading) {
      heading.after(notice);
    } else {
      content.prepend(notice);
    }
  }

  function init() {
    sayNotFound();
    filters = new Map();
    document.querySelectorAll("div." + PREFIX).forEach((wrapper) => {
      enhance(wrapper, labels(wrapper));
    });
    unhighlight(); // a row of the page instant navigation replaced
    land(true);
  }

  /* Material's instant previews. The preview is built from the page the link points to (this
     one, or one fetched again: the browser has it from Material's own request). */
  let pointedAt = null; // the link under the pointer or with the focus: what a preview is of

  function track(event) {
    const link = event.target.closest && event.target.closest("a[href]");
    if (link) {
      pointedAt = link;
    }
  }

  async function rowPreviewed(link) {
    const page = new URL(link.href);
    page.hash = "";
    const here = new URL(location.href);
    here.hash = "";
    if (page.href === here.href) {
      return { row: rowAt(document, link.hash), page: page };
    }
    const response = await fetch(page.href);
    const html = response.ok ? await response.text() : "";
    const doc = new DOMParser().parseFromString(html, "text/html");
    return { row: rowAt(doc, link.hash), page: page };
  }

  /* The row alone, in a table of its own that the stylesheet stacks as a card (a preview is
     narrow), its links made absolute: they were relative to its page. */
  function rowCard(row, page) {
    const card = row.cloneNode(true);
    card.removeAttribute("id"); // the page may hold the row itself
    card.removeAttribute("style");
    card.classList.remove(HIGHLIGHTED);
    labelCells(card, columnHeadings(row.closest("table")));
    card.querySelectorAll("[href]").forEach((link) => {
      link.setAttribute("href", new URL(link.getAttribute("href"), page).href);
    });
    const table = document.createElement("table");
    table.createTBody().append(card);
    const wrapper = document.createElement("div");
    wrapper.className = [PREFIX, ENHANCED, PREFIX + "-preview"].join(" ");
    wrapper.append(table);
    return wrapper;
  }

  async function mendPreview(tooltip) {
    const link = pointedAt;
    const inner = tooltip.querySelector(".md-tooltip2__inner");
    if (!inner || !link || !link.hash) {
      return;
    }
    inner.style.visibility = "hidden"; // not the run-together cells, even for a moment
    try {
      const previewed = await rowPreviewed(link);
      if (previewed.row) {
        inner.replaceChildren(rowCard(previewed.row, previewed.page));
      }
    } catch (error) {
      // no network, say: Material's preview stays as it was
    } finally {
      inner.style.visibility = "";
    }
  }

  function watchPreviews() {
    document.addEventListener("mouseover", track, true);
    document.addEventListener("focusin", track, true);
    new MutationObserver((changes) => {
      changes.forEach((change) => {
        change.addedNodes.forEach((node) => {
          if (node.nodeType === 1 && node.matches(".md-tooltip2[role=dialog]")) {
            mendPreview(node);
          }
        });
      });
    }).observe(document.body, { childList: true });
  }

  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest && event.target.closest("a[href]");
      if (
        link &&
        link.hash &&
        link.hash === location.hash &&
        link.pathname === location.pathname &&
        link.origin === location.origin
      ) {
        land(false); // a link to the address already shown: no `hashchange` will come
      } else if (highlighted && !highlighted.contains(event.target)) {
        unhighlight(); // a click or tap elsewhere: the reader has moved on
      }
    },
    true
  );
  window.addEventListener("hashchange", () => land(false));

  if (window.document$ && typeof window.document$.subscribe === "function") {
    watchPreviews(); // Material's body stays through instant navigation
    window.document$.subscribe(init); // Material: the first load and every instant navigation
    if (window.location$ && typeof window.location$.subscribe === "function") {
      // Instant navigation follows links within the page with `pushState`: no `hashchange`.
      window.location$.subscribe(() => land(false));
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
