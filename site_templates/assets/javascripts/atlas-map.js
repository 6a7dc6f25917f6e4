/*
 * Angebotsatlas – maps. One shared file for every page (cached once), no inline script.
 *
 * Reads each `[data-atlas-map]` block's `<script type="application/json" data-atlas-config>`
 * (written by build_tools/maps from folium objects) and builds the Leaflet map:
 * tile layer (only after "Karte laden" when consent is required), district outlines,
 * markers (inline rows or the shared data file), clusters, category switch, popups.
 * Every text from the data reaches the page as a DOM text node, never as HTML.
 * ES5 on purpose: old phones.
 */
(function () {
  "use strict";
  if (window.AtlasMap) return;

  var COLOR_RE = /^#[0-9a-fA-F]{6}$/;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.appendChild(document.createTextNode(String(text)));
    return node;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function safeColor(color) {
    return COLOR_RE.test(color) ? color : "#555555";
  }

  function hours() {
    var h = window.AtlasHours;
    return h && typeof h === "object" ? h : null;
  }

  function statusText(id) {
    var h = hours();
    if (!h || typeof h.statusText !== "function") return "";
    try {
      var text = h.statusText(id, new Date());
      return text ? String(text) : "";
    } catch (e) {
      return "";
    }
  }

  function isOpen(id) {
    var h = hours();
    if (!h || typeof h.isOpen !== "function") return true;
    try {
      return !!h.isOpen(id, new Date());
    } catch (e) {
      return true;
    }
  }

  function reducedMotion() {
    try {
      return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    } catch (e) {
      return false;
    }
  }

  // A div icon that names itself (aria-label + title): used for clusters.
  function labelledIcon(options, label) {
    var icon = L.divIcon(options);
    var create = icon.createIcon;
    icon.createIcon = function (old) {
      var div = create.call(icon, old);
      div.setAttribute("aria-label", label);
      div.setAttribute("title", label);
      return div;
    };
    return icon;
  }

  function markerIcon(color) {
    var svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22" ' +
      'aria-hidden="true" focusable="false">' +
      '<circle cx="11" cy="11" r="9" fill="' + safeColor(color) + '" stroke="#ffffff" stroke-width="2"/>' +
      '<circle cx="11" cy="11" r="10" fill="none" stroke="#1a1a1a" stroke-width="1.5"/>' +
      "</svg>";
    return L.divIcon({ className: "atlas-marker", html: svg, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10] });
  }

  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? 34 : n < 100 ? 40 : 48;
    var label = n + " Angebote – zum Vergrößern auswählen";
    return labelledIcon(
      { className: "atlas-cluster", html: "<span>" + n + "</span>", iconSize: [size, size] },
      label
    );
  }

  function offerHref(cfg, id) {
    return cfg.offerUrl.split("{id}").join(encodeURIComponent(id));
  }

  function popupContent(cfg, categories, row) {
    var box = el("div", "atlas-popup");
    var title = el("p", "atlas-popup__title");
    var link = el("a", null, row[1]);
    link.setAttribute("href", offerHref(cfg, row[0]));
    title.appendChild(link);
    box.appendChild(title);
    var cat = categories[row[2]];
    if (cat) box.appendChild(el("p", "atlas-popup__category", cat.label));
    // Titles and category names come from the German data: marked as German on a page of a
    // language tree (the status line is in the page's language).
    if (cfg.dataLang && cfg.dataLang !== (document.documentElement.lang || "de")) {
      Array.prototype.forEach.call(box.querySelectorAll("p:not(.atlas-popup__hours)"), function (p) {
        p.setAttribute("lang", cfg.dataLang);
      });
    }
    var status = statusText(row[0]);
    if (status) box.appendChild(el("p", "atlas-popup__hours", status));
    return box;
  }

  function AtlasMapView(root) {
    this.root = root;
    this.cfg = JSON.parse(root.querySelector("script[data-atlas-config]").textContent);
    this.texts = this.cfg.texts || {};
    this.canvas = root.querySelector("[data-atlas-canvas]");
    this.status = root.querySelector("[data-atlas-map-status]");
    this.categories = {};
    var cats = this.cfg.categories || [];
    for (var i = 0; i < cats.length; i++) this.categories[cats[i].id] = cats[i];
    this.hiddenCategories = {};
    this.openOnly = false;
    this.rows = [];
    this.markers = [];
  }

  /** A message in the page's language (the config's `texts`: build_tools/maps/render.py
   *  SCRIPT_TEXTS); German for a map config without them (an older embed). */
  AtlasMapView.prototype.text = function (key, german) {
    return this.texts[key] || german;
  };

  AtlasMapView.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  AtlasMapView.prototype.start = function () {
    this.root.hidden = false;
    // The stand-in ("Karte anzeigen", atlas-lazymap.js) gives way to the map. Where tiles wait
    // for consent, atlas-lazymap.js loaded this file only after it was given.
    var placeholder = this.root.querySelector("[data-atlas-placeholder]");
    if (placeholder) placeholder.parentNode.removeChild(placeholder);
    var consentBox = this.root.querySelector("[data-atlas-consent]");
    if (consentBox) consentBox.hidden = true;
    this.build();
  };

  AtlasMapView.prototype.build = function () {
    var cfg = this.cfg;
    var self = this;
    var options = L.extend({}, cfg.map.options, { center: cfg.map.center, zoomControl: false });
    // Small maps in the text flow are static on touch screens (a swipe scrolls the page),
    // but can be dragged with a mouse.
    if (options.dragging === false && !L.Browser.mobile) options.dragging = true;
    var calm = reducedMotion();
    if (calm) L.extend(options, { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false });
    var map = (this.map = L.map(this.canvas, options));
    L.control.zoom({ zoomInTitle: this.text("map_zoom_in", "Hineinzoomen"),
                    zoomOutTitle: this.text("map_zoom_out", "Herauszoomen") }).addTo(map);
    if (cfg.tiles) L.tileLayer(cfg.tiles.url, cfg.tiles.options).addTo(map);
    var areas = cfg.areas || [];
    for (var a = 0; a < areas.length; a++) {
      var styles = areas[a].styles;
      L.geoJSON(areas[a].geojson, {
        interactive: false,
        style: (function (s) {
          return function () { return s; };
        })(styles[0] || {})
      }).addTo(map);
    }
    // No animation: markers must be clustered for the final view when "ready".
    if (cfg.fit) map.fitBounds(cfg.fit.bounds, L.extend({ animate: false }, cfg.fit.options));

    if (cfg.cluster && L.markerClusterGroup) {
      var clusterOptions = L.extend({ iconCreateFunction: clusterIcon, animate: !calm }, cfg.cluster, {
        // Chunked loading adds markers in slices; the map is ready after the last one.
        chunkProgress: function (processed, total) {
          if (processed >= total) window.setTimeout(function () { self.ready(); }, 0);
        }
      });
      this.layer = L.markerClusterGroup(clusterOptions);
    } else {
      this.layer = L.featureGroup();
    }
    this.layer.addTo(map);
    // Popups are bound on first use: 5,000 markers need no 5,000 popup objects up front.
    this.layer.on("click keypress", function (e) {
      var marker = e.layer;
      if (!marker || !marker.atlasRow || marker.getPopup()) return;
      if (e.type === "keypress" && e.originalEvent && e.originalEvent.keyCode !== 13) return;
      marker.bindPopup(self.popupFor(marker.atlasRow), { maxWidth: 260 });
      marker.openPopup();
    });
    this.addLayerControl();
    this.addTools();
    this.addPopupFocus();

    if (cfg.markers) {
      this.setRows(cfg.markers);
    } else if (cfg.data) {
      this.say(this.text("map_loading_offers", "Angebote werden geladen …"));
      var xhr = new XMLHttpRequest();
      xhr.open("GET", cfg.data);
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            self.setRows(JSON.parse(xhr.responseText).offers || []);
            return;
          } catch (e) {
            /* fall through */
          }
        }
        self.say(self.text("map_points_failed", "Die Kartenpunkte konnten nicht geladen werden. Die Liste enthält alle Angebote."));
      };
      xhr.onerror = function () {
        self.say(self.text("map_points_failed", "Die Kartenpunkte konnten nicht geladen werden. Die Liste enthält alle Angebote."));
      };
      xhr.send();
    } else {
      this.ready();
    }
  };

  AtlasMapView.prototype.setRows = function (rows) {
    this.rows = rows;
    this.markers = [];
    var icons = {};
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var cat = this.categories[row[2]];
      var color = cat ? cat.color : "#555555";
      if (!icons[color]) icons[color] = markerIcon(color);
      var marker = L.marker([row[3], row[4]], {
        icon: icons[color],
        title: String(row[1]),
        alt: String(row[1]),
        keyboard: true,
        riseOnHover: true
      });
      marker.atlasRow = row;
      this.markers.push(marker);
    }
    this.refresh();
    if (!this.layer.options.chunkProgress || !this.markers.length) this.ready();
  };

  AtlasMapView.prototype.popupFor = function (row) {
    var self = this;
    // Built on opening: today's status must be current, not from page load.
    return function () {
      return popupContent(self.cfg, self.categories, row);
    };
  };

  AtlasMapView.prototype.visibleMarkers = function () {
    var out = [];
    for (var i = 0; i < this.markers.length; i++) {
      var row = this.markers[i].atlasRow;
      if (this.hiddenCategories[row[2]]) continue;
      if (window.AtlasChips && !window.AtlasChips.shows(row[2])) continue;  // atlas-chips.js
      if (this.openOnly && !isOpen(row[0])) continue;
      out.push(this.markers[i]);
    }
    return out;
  };

  AtlasMapView.prototype.refresh = function () {
    var visible = this.visibleMarkers();
    this.layer.clearLayers();
    if (this.layer.addLayers) {
      this.layer.addLayers(visible);
    } else {
      for (var i = 0; i < visible.length; i++) this.layer.addLayer(visible[i]);
    }
    if (this.markers.length > 1) {
      this.say(visible.length === 1 ? "1 Angebot auf der Karte" : visible.length + " Angebote auf der Karte");
    }
  };

  AtlasMapView.prototype.addLayerControl = function () {
    var cfg = this.cfg;
    var self = this;
    if (!cfg.layerControl || !cfg.groups || cfg.groups.length < 2) return;
    var overlays = {};
    var byLayer = [];
    for (var i = 0; i < cfg.groups.length; i++) {
      var group = cfg.groups[i];
      var cat = this.categories[group.category];
      var swatch =
        '<svg class="atlas-swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">' +
        '<circle cx="6" cy="6" r="5" fill="' + safeColor(cat ? cat.color : "") + '" stroke="#1a1a1a"/></svg> ';
      // Leaflet inserts layer names as HTML: escape the label.
      var name = swatch + escapeHtml(group.name);
      var dummy = L.layerGroup();
      dummy.atlasCategory = group.category;
      if (group.show) dummy.addTo(this.map);
      else this.hiddenCategories[group.category] = true;
      overlays[name] = dummy;
      byLayer.push(dummy);
    }
    var control = L.control.layers(null, overlays, cfg.layerControl).addTo(this.map);
    var toggle = control.getContainer().querySelector(".leaflet-control-layers-toggle");
    if (toggle) {
      var layers = this.text("map_layers", "Kategorien ein- und ausblenden");
      toggle.setAttribute("title", layers);
      toggle.setAttribute("aria-label", layers);
    }
    this.map.on("overlayadd overlayremove", function (e) {
      if (!e.layer || !e.layer.atlasCategory) return;
      self.hiddenCategories[e.layer.atlasCategory] = e.type === "overlayremove";
      self.refresh();
    });
  };

  // "Nur jetzt geöffnete": when the page already has this filter for its list
  // ([data-atlas-open-filter]), the map follows it — one switch for list and map.
  // Otherwise the overview map shows its own checkbox.
  AtlasMapView.prototype.addTools = function () {
    var self = this;
    var h = hours();
    if (!h || typeof h.isOpen !== "function") return;
    var box = document.querySelector("[data-atlas-open-filter]");
    if (!box) {
      var tools = this.root.querySelector("[data-atlas-tools]");
      if (!tools) return;
      tools.hidden = false;
      box = tools.querySelector("[data-atlas-open-only]");
    }
    this.openOnly = !!box.checked;
    box.addEventListener("change", function () {
      self.openOnly = box.checked;
      self.refresh();
    });
  };

  // Keyboard users: focus moves into an opened popup and back to its marker on close.
  AtlasMapView.prototype.addPopupFocus = function () {
    var map = this.map;
    var closeLabel = this.text("map_close", "Schließen");
    var opener = null;
    map.on("popupopen", function (e) {
      var close = e.popup.getElement() && e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", closeLabel);
        close.setAttribute("title", closeLabel);
      }
      var source = e.popup._source;
      var icon = source && source.getElement ? source.getElement() : null;
      if (icon && document.activeElement === icon) {
        opener = icon;
        var link = e.popup.getElement().querySelector("a[href]:not(.leaflet-popup-close-button)");
        if (link) link.focus();
      } else {
        opener = null;
      }
    });
    // Leaflet closes popups on Escape only while the map container itself has focus.
    L.DomEvent.on(map.getContainer(), "keydown", function (e) {
      if ((e.key === "Escape" || e.keyCode === 27) && map._popup && map.hasLayer(map._popup)) {
        map.closePopup();
        L.DomEvent.stop(e);
      }
    });
    map.on("popupclose", function () {
      if (opener && document.body.contains(opener)) opener.focus();
      opener = null;
    });
  };

  AtlasMapView.prototype.ready = function () {
    if (this.root.getAttribute("data-atlas-state") === "ready") return;
    this.root.setAttribute("data-atlas-state", "ready");
    window.AtlasMap.readyAt = window.performance && performance.now ? performance.now() : 0;
    var event;
    try {
      event = new CustomEvent("atlas-map:ready", { bubbles: true });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("atlas-map:ready", true, false, null);
    }
    this.root.dispatchEvent(event);
  };

  function init() {
    if (!window.L) return; // Leaflet missing: the list carries everything.
    var blocks = document.querySelectorAll("[data-atlas-map]");
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getAttribute("data-atlas-state")) continue;
      // A map waits until atlas-lazymap.js has its stylesheets (Leaflet measures the box).
      if (blocks[i].getAttribute("data-atlas-lazy") !== "loaded") continue;
      blocks[i].setAttribute("data-atlas-state", "starting");
      try {
        var view = new AtlasMapView(blocks[i]);
        window.AtlasMap.views.push(view);
        view.start();
      } catch (e) {
        blocks[i].hidden = true;
        if (window.console) console.error("Angebotsatlas-Karte:", e);
      }
    }
  }

  // atlas-lazymap.js loads this file when a map is wanted and then calls init().
  window.AtlasMap = { views: [], init: init, readyAt: null };
})();
