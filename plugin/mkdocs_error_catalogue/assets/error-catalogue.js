/* mkdocs-error-catalogue: the reader's side of the rendered error tables.

   Progressive enhancement only: without this script every row stays visible, `:target`
   tints the row a link lands on (the stylesheet offsets it below sticky headers, so the
   browser's own scroll lands right), narrow tables are stacked as cards and wide ones keep
   their heading row in sight. With it:
   - one filter box, above the page's first table, narrows the rows of every table on the
     page as the reader types (code, id or any text of the row; every word must match):
     a table without a match folds away, leaving its count; a polite live region says
     "3 of 45 errors", or "No matching errors" when no table has one; Escape clears it;
     the text is kept in the address as `?q=7002`, and an address with `?q=` applies it;
   - the row a link lands on (on load, on `hashchange`, after Material's search overlay
     closes, after Material's instant navigation) is brought below the sticky header, if the
     browser did not put it there, and highlighted until the reader moves on: follows a
     link to another place, clicks or taps outside the row, or scrolls it out of view;
   - an address whose fragment nothing on a page of tables has (`#99999`) gets a line
     saying that the code is not in the reference, as on the "not found" page below;
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
  const FOLDED = PREFIX + "--folded";
  const HIGHLIGHTED = PREFIX + "-entry--highlighted";
  const QUERY = "q"; // the address parameter holding the filter's text
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

  let filter = null; // the page's filter: { clear(), rowShown(row) }
  let highlighted = null; // the highlighted row
  let observer = null; // watches it leave the viewport

  let openedWith = null; // the filter's text of the address this page was opened with

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

  function count(template, shown, total) {
    return template.replace("{shown}", String(shown)).replace("{total}", String(total));
  }

  /* The address with the filter's text as `?q=` (none when empty), its fragment kept. */
  function addressWith(query) {
    const address = new URL(location.href);
    if (query) {
      address.searchParams.set(QUERY, query);
    } else {
      address.searchParams.delete(QUERY);
    }
    return address.href;
  }

  /* The text every row is searched in, folded: built once, on first use. */
  function searchIndex(wrappers) {
    return wrappers.map((wrapper) => {
      const rows = Array.from(wrapper.querySelectorAll("tbody > tr"));
      return {
        wrapper: wrapper,
        rows: rows,
        texts: rows.map((row) => fold(row.id + " " + row.textContent)),
        folded: null, // the count left in place of the table when nothing matches
      };
    });
  }

  /* Where the box goes: above the first table's heading (or the table, if it has none). */
  function filterPlace(first) {
    const heading = document.getElementById(first.dataset.category);
    const before = heading && /^H[1-6]$/.test(heading.tagName) && heading.parentNode === first.parentNode
      && heading.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING;
    return before ? heading : first;
  }

  function enhance(wrappers) {
    const text = labels(wrappers[0]);
    let index = null;
    const box = document.createElement("div");
    box.className = PREFIX + "-filter";
    box.setAttribute("role", "search");
    const label = document.createElement("label");
    label.htmlFor = PREFIX + "-filter";
    label.textContent = text.filter;
    const input = document.createElement("input");
    input.type = "search";
    input.id = PREFIX + "-filter";
    input.placeholder = text.placeholder;
    input.autocomplete = "off";
    input.spellcheck = false;
    const status = document.createElement("span");
    status.className = PREFIX + "-filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.append(label, input, status);

    function foldTable(table, shown, folds) {
      table.wrapper.classList.toggle(FOLDED, folds);
      if (folds && !table.folded) {
        table.folded = document.createElement("p");
        table.folded.className = PREFIX + "-folded";
        table.wrapper.prepend(table.folded);
      }
      if (table.folded) {
        table.folded.hidden = !folds;
        table.folded.textContent = count(labels(table.wrapper).count, shown, table.rows.length);
      }
    }

    function apply() {
      index = index || searchIndex(wrappers);
      const terms = fold(input.value).split(" ").filter(Boolean);
      let shown = 0;
      let total = 0;
      index.forEach((table) => {
        let shownHere = 0;
        table.rows.forEach((row, position) => {
          const text = table.texts[position];
          const match = terms.every((term) => text.includes(term));
          if (row.hidden === match) {
            row.hidden = !match; // only the rows that change: the others cost nothing
          }
          shownHere += match ? 1 : 0;
        });
        foldTable(table, shownHere, terms.length > 0 && shownHere === 0);
        shown += shownHere;
        total += table.rows.length;
      });
      if (!terms.length) {
        status.textContent = "";
      } else {
        status.textContent = shown ? count(text.count, shown, total) : text.none;
      }
      history.replaceState(history.state, "", addressWith(input.value.trim()));
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
    wrappers.forEach((wrapper) => wrapper.classList.add(ENHANCED));
    const place = filterPlace(wrappers[0]);
    place.parentNode.insertBefore(box, place);
    filter = { clear: clear };
    if (openedWith) {
      input.value = openedWith;
      openedWith = null;
      apply();
    }
  }

  /* Wide tables keep their heading row in sight: rows land below it, by its height. */
  function measureHeadings(wrappers) {
    const heights = wrappers.map((wrapper) => {
      const head = wrapper.querySelector("thead");
      return head && getComputedStyle(head.querySelector("th")).position === "sticky"
        ? head.offsetHeight
        : null;
    });
    wrappers.forEach((wrapper, position) => {
      if (heights[position] !== null) {
        wrapper.style.setProperty("--" + PREFIX + "-head-height", heights[position] + "px");
      }
    });
  }

  /* The catalogue row of `doc` that the fragment `hash` ("#1004", or "#division_by_zero":
     a name's id is on the name inside the row) names, if any. */
  function rowAt(doc, hash) {
    const element = elementAt(doc, hash);
    return element ? element.closest("." + PREFIX + " tbody > tr[id]") : null;
  }

  /* The element of `doc` that the fragment `hash` names, if any. */
  function elementAt(doc, hash) {
    let id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch (error) {
      return null; // a malformed escape: not one of ours
    }
    return id ? doc.getElementById(id) : null;
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

  /* Whether `element` is where scrolling to it puts it: its top at its scroll margin. */
  function inPlace(element) {
    const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
    return Math.abs(element.getBoundingClientRect().top - margin) < 2;
  }

  /* Bring the element the address names in place, if it is not (the browser scrolls to it
     itself, but not when Material's search overlay held the page, or when the page moved
     under it), and highlight it if it is a row. A fragment that nothing on the page has
     gets the "not in the reference" line. */
  function land() {
    const target = elementAt(document, location.hash);
    const row = target && rowAt(document, location.hash);
    if (row !== highlighted) {
      unhighlight();
    }
    sayMissingAnchor(target === null && location.hash.length > 1);
    if (!target) {
      return;
    }
    if (row && row.hidden && filter) {
      filter.clear();
    }
    if (!inPlace(target)) {
      target.scrollIntoView({ block: "start" });
    }
    if (!row || row === highlighted) {
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

  /* Material's search, on the page that holds the result, changes the fragment while its
     overlay is open or the page still locked under it (`data-md-scrolllock`: nothing
     scrolls), and puts the page back where it was once it unlocks: land after that. */
  function searchHoldsThePage() {
    const toggle = document.querySelector("input[data-md-toggle=search]");
    return Boolean(toggle && toggle.checked) || document.body.hasAttribute("data-md-scrolllock");
  }

  function landAfterSearch() {
    if (!searchHoldsThePage()) {
      land();
      return;
    }
    const toggle = document.querySelector("input[data-md-toggle=search]");
    const watcher = new MutationObserver(check);
    function check() {
      if (searchHoldsThePage()) {
        return;
      }
      watcher.disconnect();
      if (toggle) {
        toggle.removeEventListener("change", check);
      }
      requestAnimationFrame(() => requestAnimationFrame(land)); // once the page is put back
    }
    watcher.observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
    if (toggle) {
      toggle.addEventListener("change", check);
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

  /* "Error 99999 is not in the error reference. See every error", under the page's
     heading: the code is not documented, rather than the site broken. */
  function notice(texts, code, reference) {
    const element = document.createElement("code");
    element.textContent = code;
    const link = document.createElement("a");
    link.href = reference;
    link.textContent = texts.notFoundLink;
    const parts = texts.notFound.split("{code}");
    const line = document.createElement("p");
    line.className = PREFIX + "-not-found";
    line.append(parts[0], element, parts.slice(1).join("{code}"), " ", link);
    const content = document.querySelector(".md-content__inner, [role=main], main") || document.body;
    const heading = content.querySelector("h1");
    if (heading) {
      heading.after(line);
    } else {
      content.prepend(line);
    }
    return line;
  }

  function sayNotFound() {
    const missing = missingDeepLink();
    if (missing && !document.querySelector("." + PREFIX + "-not-found")) {
      notice(labels(missing.data), missing.code, missing.data.dataset.reference);
    }
  }

  /* On a page of tables, a fragment that nothing has (`#99999`): the same line, linking to
     the page's top; gone when the fragment names something again. */
  function sayMissingAnchor(missing) {
    const said = document.querySelector("." + PREFIX + "-not-found--anchor");
    const wrapper = document.querySelector("div." + PREFIX);
    if (said) {
      said.remove();
    }
    if (missing && wrapper) {
      let code = location.hash.slice(1);
      try {
        code = decodeURIComponent(code);
      } catch (error) {
        // a malformed escape: shown as it is
      }
      const line = notice(labels(wrapper), code, location.pathname + location.search);
      line.classList.add(PREFIX + "-not-found--anchor");
      line.scrollIntoView({ block: "center" });
    }
  }

  function init() {
    unhighlight(); // a row of the page instant navigation replaced
    filter = null;
    const wrappers = Array.from(document.querySelectorAll("div." + PREFIX));
    if (wrappers.length) {
      enhance(wrappers);
      measureHeadings(wrappers); // once their heading rows stick
      land();
    } else {
      sayNotFound();
    }
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
    card.removeAttribute("hidden");
    card.classList.remove(HIGHLIGHTED);
    card.querySelectorAll("[href]").forEach((link) => {
      link.setAttribute("href", new URL(link.getAttribute("href"), page).href);
    });
    const table = document.createElement("table");
    table.createTBody().append(card);
    const wrapper = document.createElement("div");
    wrapper.className = [PREFIX, ENHANCED, PREFIX + "-preview"].join(" ");
    wrapper.setAttribute("style", row.closest("." + PREFIX).getAttribute("style") || "");
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
        landAfterSearch(); // a link to the address already shown: no `hashchange` will come
      } else if (highlighted && !highlighted.contains(event.target)) {
        unhighlight(); // a click or tap elsewhere: the reader has moved on
      }
    },
    true
  );
  window.addEventListener("hashchange", landAfterSearch);
  window.addEventListener("resize", () => {
    const wrappers = Array.from(document.querySelectorAll("div." + PREFIX));
    if (wrappers.length) {
      measureHeadings(wrappers);
    }
  });

  /* Material's search takes `?q=` for its own, as its script (which runs before this one)
     starts: on a page of tables, the filter's text is given back to the filter, and the
     search closed (which takes `q` out of the address: the filter puts it back). */
  const query = new URL(location.href).searchParams.get(QUERY);
  if (query && document.querySelector("div." + PREFIX)) {
    openedWith = query;
    const toggle = document.querySelector("input[data-md-toggle=search]");
    const field = document.querySelector("input.md-search__input");
    if (toggle && toggle.checked && field && field.value === query) {
      field.value = "";
      field.blur();
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    watchPreviews(); // Material's body stays through instant navigation
    window.document$.subscribe(init); // Material: the first load and every instant navigation
    if (window.location$ && typeof window.location$.subscribe === "function") {
      // Instant navigation follows links within the page with `pushState`: no `hashchange`.
      window.location$.subscribe(() => landAfterSearch());
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
