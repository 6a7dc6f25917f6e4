/*
 * atlas-search.js — the search page (suche/): asks the Pagefind index, shows the results.
 *
 * MARKUP CONTRACT (site_templates/atlas/search.html; no inline scripts):
 *   <form data-atlas-search data-bundle=".../pagefind/pagefind.js" data-root="../"
 *         data-ranking='{"termSimilarity": 2.0, ...}'>  (Pagefind's ranking options)
 *     <input name="q"> and one field per filter: <select name="kategorie|sozialraum|zielgruppe">,
 *     <input type="checkbox" name="kostenlos|ohne_papiere|hunde|rollstuhl|offen" value="ja">
 *   <script type="application/json" id="atlas-search-data">{"holidays": ["2026-12-25", ...],
 *     "stop": ["wo", "kann", ...],   (stop words, left out of records and queries alike)
 *     "texts": {"s_none": "Keine Treffer{what}. …", ...},  (its sentences in the page's language)
 *     "lang": "uk", "words": {...}}  (the live status's words, where atlas-hours.js has none)
 *   [data-atlas-search-status] (role=status), <ol data-atlas-results>, [data-atlas-more-row]
 *
 * The index (build_tools/search/records.py) has one record per offer; its metadata gives each
 * result its title, category, place and hours. The live status comes from atlas-hours.js
 * (window.AtlasHours.core, loaded before this file); "jetzt geöffnet" filters on it.
 *
 * Nothing is loaded before someone searches: Pagefind's code and the first index chunks come
 * with the first query (or with a link such as suche/?q=Dusche). Every search is also the
 * page's address (history.replaceState), so a result list can be sent on.
 *
 * People type what they need: "wo kann ich duschen". Question words are dropped; words that ask
 * for a fact ("umsonst", "ohne Papiere", "Hund") become that fact's filter; a word the index
 * does not know is looked up by its beginning (typing errors are usually near the end); when all
 * words together find nothing, each word alone is tried.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-atlas-search]");
  if (!form || !window.Promise || !window.URLSearchParams) return;

  var PAGE = 10;
  var DEBOUNCE_MS = 120;
  var FILTERS = ["kategorie", "sozialraum", "zielgruppe", "kostenlos", "ohne_papiere", "hunde", "rollstuhl"];
  var input = form.querySelector("input[name=q]");
  var statusNode = document.querySelector("[data-atlas-search-status]");
  var list = document.querySelector("[data-atlas-results]");
  var moreRow = document.querySelector("[data-atlas-more-row]");
  var moreButton = document.querySelector("[data-atlas-more]");
  var filterCount = form.querySelector("[data-atlas-filter-count]");
  var hoursCore = window.AtlasHours && window.AtlasHours.core;
  var data = {};
  try { data = JSON.parse(document.getElementById("atlas-search-data").textContent); } catch (e) { data = {}; }
  var holidays = hoursCore ? hoursCore.holidaySet(data.holidays || []) : null;
  var STOP = {};  // words without a need (build_tools/search/words.py STOP_WORDS)
  (data.stop || []).forEach(function (w) { STOP[w] = true; });
  var FACTS = data.facts || {};
  var TEXTS = data.texts || {};
  var LANG = (document.documentElement.lang || "de").split("-")[0];
  if (hoursCore && data.lang && data.words) hoursCore.addWords(data.lang, data.words);
  var root = new URL(form.getAttribute("data-root") || "./", window.location.href);
  var engine = null;
  var generation = 0;
  var timer = null;
  var current = null;  // {results, shown, onlyOpen, loaded: []}

  // Filters need this script, "jetzt geöffnet" needs atlas-hours.js too; the line for people
  // without JavaScript goes.
  Array.prototype.forEach.call(document.querySelectorAll("[data-atlas-without-script]"), function (el) {
    el.hidden = true;
  });
  Array.prototype.forEach.call(form.querySelectorAll("[data-atlas-needs-script]"), function (el) {
    el.hidden = false;
  });
  Array.prototype.forEach.call(form.querySelectorAll("[data-atlas-needs-hours]"), function (el) {
    el.hidden = !hoursCore;
  });

  function ranking() {
    try { return JSON.parse(form.getAttribute("data-ranking") || "{}"); } catch (e) { return {}; }
  }

  function pagefind() {
    if (!engine) {
      var url = new URL(form.getAttribute("data-bundle"), window.location.href).href;
      engine = import(url).then(function (pf) {
        return pf.options({
          // Search on the page itself: Pagefind's worker script is 12 KB more to fetch on a
          // prepaid plan, and a search over a few thousand offers takes milliseconds anyway.
          // (The search page's CSP allows WebAssembly: 'wasm-unsafe-eval'.)
          noWorker: true,
          baseUrl: root.pathname,
          excerptLength: 12,
          ranking: ranking()
        }).then(function () { return pf.init(); }).then(function () { return pf; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // --- the query ---------------------------------------------------------------------------

  function wordsOf(text) {
    return String(text || "").toLowerCase().split(/[\s,.;:!?"'„“”‚‘’()\[\]\/+*&]+/).filter(Boolean);
  }

  function meaningful(words) {
    var kept = words.filter(function (w) { return !STOP[w]; });
    return kept.length ? kept : words;
  }

  /** Words that ask for a fact ("umsonst", "ohne Papiere", "Hund") become its filter
   *  (build_tools/search/words.py FACT_QUERIES): {words: the rest, facts: [filter names]}. */
  function factsIn(words) {
    var rest = words.slice(), found = [];
    Object.keys(FACTS).forEach(function (name) {
      FACTS[name].forEach(function (phrase) {
        var parts = phrase.split(" ");
        for (var i = 0; i + parts.length <= rest.length; i++) {
          var same = parts.every(function (part, k) { return rest[i + k] === part; });
          if (!same) continue;
          rest.splice(i, parts.length);
          if (found.indexOf(name) < 0) found.push(name);
          i -= 1;
        }
      });
    });
    return { words: rest, facts: found };
  }

  /** The form's choices: {kategorie: "essen", kostenlos: "ja", ...} (the page's address). */
  function choices() {
    var chosen = {};
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      var value = field.type === "checkbox" ? (field.checked ? field.value : "") : field.value;
      if (value) chosen[name] = value;
    });
    return chosen;
  }

  /** Choices as the index's filters (build_tools/search/records.py filter_name): one filter
   *  per choice, value "ja" — "kategorie-essen"; the yes/no facts by their name: "kostenlos". */
  function indexFilters(chosen) {
    var filters = {};
    Object.keys(chosen).forEach(function (name) {
      filters[form.elements[name].type === "checkbox" ? name : name + "-" + chosen[name]] = "ja";
    });
    return filters;
  }

  function onlyOpen() {
    var box = form.elements.offen;
    return !!(box && box.checked && hoursCore);
  }

  function results(pf, term, filters) {
    return pf.search(term, { filters: filters }).then(function (found) { return found.results; });
  }

  function eachWordAlone(pf, words, filters) {
    return Promise.all(words.map(function (w) { return results(pf, w, filters); })).then(function (lists) {
      var byId = {};
      lists.forEach(function (found) {
        found.forEach(function (r) {
          if (byId[r.id]) { byId[r.id].score += r.score; byId[r.id].words += 1; }
          else byId[r.id] = { result: r, score: r.score, words: 1 };
        });
      });
      return Object.keys(byId).map(function (k) { return byId[k]; }).sort(function (a, b) {
        return b.words - a.words || b.score - a.score;
      }).map(function (x) { return x.result; });
    });
  }

  /** How much of a word must match: all of a short one, else all but its last three letters
   *  (typing errors sit near the end: "Kleiderkamer", "Schlafplaz", "Zahnartz"). */
  function beginning(word) {
    return word.length <= 4 ? word : word.slice(0, Math.max(4, word.length - 3));
  }

  /** Is the word itself in the index (stemmed)? Pagefind would otherwise answer an unknown
   *  word with the longest indexed word it starts with: "Schlafplaz" with "schlaf". */
  function known(pf, word) {
    if (word.length <= 4) return Promise.resolve(true);
    return pf.search('"' + word + '"').then(function (found) { return found.results.length > 0; });
  }

  /** Results for the words: unknown words by their beginning, then each word alone.
   *  {results, near}: near when not every word was found as typed. */
  function find(pf, words, filters) {
    if (!words.length) return results(pf, null, filters).then(function (r) { return { results: r, near: false }; });
    return Promise.all(words.map(function (w) { return known(pf, w); })).then(function (found) {
      var near = found.indexOf(false) >= 0;
      var asked = words.map(function (w, i) { return found[i] ? w : beginning(w); });
      return results(pf, asked.join(" "), filters).then(function (all) {
        if (all.length || asked.length === 1) return { results: all, near: near };
        return eachWordAlone(pf, asked, filters).then(function (some) { return { results: some, near: true }; });
      });
    });
  }

  // --- results -----------------------------------------------------------------------------

  function node(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function liveStatus(meta) {
    if (!hoursCore || !meta.hours) return null;
    try {
      return hoursCore.evaluate(JSON.parse(meta.hours), holidays, new Date());
    } catch (e) {
      return null;
    }
  }

  /** A category's label, from the category filter's own options (the page knows them). */
  function categoryLabel(id) {
    var select = form.elements.kategorie;
    if (!select || !id) return "";
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === id) return select.options[i].textContent;
    }
    return "";
  }

  function item(d) {
    var meta = d.meta || {};
    var li = node("li", "atlas-item" + (meta.cat ? " atlas-cat--" + meta.cat : ""));
    var link = node("a", "atlas-item__title", meta.title || d.url);
    link.href = d.url;
    li.appendChild(link);
    var facts = node("span", "atlas-item__meta");
    var label = categoryLabel(meta.cat);
    if (label) facts.appendChild(node("span", "atlas-item__cat", label));
    if (meta.ort) facts.appendChild(node("span", "atlas-item__where", meta.ort));
    if (meta.kostenlos) facts.appendChild(node("span", "atlas-item__free", sentence("free")));
    li.appendChild(facts);
    var state = d.atlasStatus;
    var text = state ? hoursCore.textOf(state, LANG) : null;
    var hours = node("span", "atlas-item__hours", text || meta.zeiten || "");
    if (state && text) hours.classList.add(state.state === "open" ? "is-open" : "is-closed");
    if (state && state.state === "paused") hours.classList.add("atlas-closed");
    li.appendChild(hours);
    return li;
  }

  // Pagefind answers a word it does not know with the longest indexed word it starts with
  // ("Impressum" → "im"): a result counts only when one of its words shares most of the query
  // word's beginning (typing errors near the end pass: "Kleiderkamer" finds "Kleiderkammer").
  function fold(text) {
    return String(text || "").toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function wordsIn(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function sharesBeginning(word, candidates) {
    var head = beginning(word);
    return candidates.some(function (c) { return c.slice(0, head.length) === head; });
  }

  function relevant(d, state) {
    if (!state.words.length) return true;
    var own = wordsIn((d.content || "") + " " + ((d.meta || {}).title || ""));
    var hits = state.words.filter(function (w) { return sharesBeginning(w, own); }).length;
    return state.near ? hits > 0 : hits === state.words.length;
  }

  function loadData(state, result) {
    return result.data().then(function (d) {
      d.atlasStatus = liveStatus(d.meta || {});
      d.atlasOpen = !!(d.atlasStatus && d.atlasStatus.state === "open");
      d.atlasRelevant = relevant(d, state);
      return d;
    });
  }

  function wanted(state) {
    return state.loaded.filter(function (d) { return d.atlasRelevant && (!state.onlyOpen || d.atlasOpen); });
  }

  /** Load result data until `want` more can be shown (relevant ones; open ones, when asked). */
  function fill(state, want) {
    var ready = wanted(state);
    if (ready.length >= state.shown + want || state.next >= state.results.length) {
      return Promise.resolve(ready.slice(0, state.shown + want));
    }
    var batch = state.results.slice(state.next, state.next + PAGE);
    state.next += batch.length;
    return Promise.all(batch.map(function (r) { return loadData(state, r); })).then(function (loaded) {
      state.loaded = state.loaded.concat(loaded);
      return fill(state, want);
    });
  }

  /** A sentence of the page's language (build_tools/pages/search.py SCRIPT_TEXTS), {name}
   *  placeholders filled. */
  function sentence(key, values) {
    return String(TEXTS[key] || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && values.hasOwnProperty(name) ? values[name] : all;
    });
  }

  // "1 Angebot", "5 пропозицій": the page's CLDR plural forms, chosen by the browser's rules.
  var FORMS = data.offers || {};
  var PLURAL = window.Intl && Intl.PluralRules ? new Intl.PluralRules(LANG) : null;
  function offers(n) {
    var form = FORMS[PLURAL ? PLURAL.select(n) : (n === 1 ? "one" : "other")] || FORMS.other || "{n}";
    return form.replace("{n}", String(n));
  }

  function say(text) {
    if (statusNode.textContent !== text) statusNode.textContent = text;
  }

  function show(state, mine, append) {
    return fill(state, PAGE).then(function (ready) {
      if (mine !== generation) return;
      var start = append ? state.shown : 0;
      if (!append) list.textContent = "";
      ready.slice(start).forEach(function (d) { list.appendChild(item(d)); });
      state.shown = ready.length;
      list.hidden = state.shown === 0;
      var exhausted = state.next >= state.results.length;
      moreRow.hidden = exhausted && state.shown >= wanted(state).length;
      say(summary(state));
      if (append && list.children[start]) list.children[start].querySelector("a").focus();
    });
  }

  function summary(state) {
    var exhausted = state.next >= state.results.length;
    var rejected = state.loaded.filter(function (d) { return !d.atlasRelevant; }).length;
    var n = state.results.length - rejected;  // exact once everything is loaded
    var what = state.query ? sentence("s_for", { q: state.query }) : "";
    if (!n) return sentence("s_none", { what: what });
    var head = state.near ? sentence("s_near", { what: what }) : "";
    var count = offers(n);
    var own = state.near ? "" : what;
    if (state.onlyOpen) {
      var open = wanted(state).length;
      if (!open && exhausted) return head + sentence("s_none_open", { count: count, what: own });
      if (exhausted) return head + sentence("s_open_of", { open: String(open), count: count, what: own });
      return head + sentence("s_open_first", { count: count, what: own });
    }
    return head + count + own + ".";
  }

  // --- the form and the address --------------------------------------------------------------

  function remember(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    if (onlyOpen()) params.set("offen", "ja");
    var search = params.toString();
    var address = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", address);
    }
  }

  function countFilters(filters) {
    var n = Object.keys(filters).length + (onlyOpen() ? 1 : 0);
    if (filterCount) filterCount.textContent = n ? sentence("s_chosen", { n: String(n) }) : "";
    return n;
  }

  function search() {
    var mine = ++generation;
    var query = input.value.trim();
    var chosen = choices();
    var active = countFilters(chosen);
    remember(query, chosen);
    var filters = indexFilters(chosen);
    var asked = factsIn(meaningful(wordsOf(query)));
    var words = asked.words;
    asked.facts.forEach(function (name) { filters[name] = "ja"; });
    active += asked.facts.length;
    if (!words.length && !active) {
      current = null;
      list.textContent = "";
      list.hidden = true;
      moreRow.hidden = true;
      say("");
      return Promise.resolve();
    }
    if (!words.length && active === 1 && onlyOpen() && !asked.facts.length) {
      say(sentence("s_word"));
      list.hidden = true;
      moreRow.hidden = true;
      return Promise.resolve();
    }
    say(sentence("s_running"));
    return pagefind().then(function (pf) {
      return find(pf, words, filters);
    }).then(function (found) {
      if (mine !== generation) return undefined;
      current = { query: query, words: words.map(fold), results: found.results, near: found.near,
                  onlyOpen: onlyOpen(), loaded: [], next: 0, shown: 0 };
      return show(current, mine, false);
    }, function () {
      if (mine === generation) say(sentence("s_failed"));
    });
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, DEBOUNCE_MS);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  input.addEventListener("input", soon);
  form.addEventListener("change", function (event) {
    if (event.target !== input) { window.clearTimeout(timer); search(); }
  });
  moreButton.addEventListener("click", function () {
    if (current) show(current, generation, true);
  });

  // A link such as suche/?q=Dusche&kostenlos=ja searches at once.
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  var preset = 0;
  FILTERS.concat(["offen"]).forEach(function (name) {
    var field = form.elements[name], value = params.get(name);
    if (!field || !value) return;
    if (field.type === "checkbox") field.checked = value === field.value;
    else field.value = value;
    if (field.type !== "checkbox" || field.checked) preset += 1;
  });
  // The filter panel stays closed: its summary counts the chosen filters, the results come first.
  if (input.value || preset) search();
})();
