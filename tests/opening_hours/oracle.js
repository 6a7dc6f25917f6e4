// The oracle for tests/opening_hours/test_oracle.py: the opening_hours npm package (pinned in
// package.json) and our atlas-hours.js evaluate the same strings at the same moments.
// Input on stdin: {"holidays": [...], "items": [[text, compact or null, [ms, ...]], ...]}.
// Output: per item [accepted, [[oracle, ours], ...]]; oracle is "open", "open_end", "closed"
// or "unknown" (a comment rule: no definite state), ours the state atlas-hours.js computes.
// Run with TZ=Europe/Berlin: opening_hours.js reads the local time of the Date it is given.
"use strict";
const path = require("path");
const root = path.resolve(__dirname, "..", "..");
const OpeningHours = require(path.join(root, "node_modules", "opening_hours"));
const ours = require(path.join(root, "site_templates", "assets", "javascripts", "atlas-hours.js"));
const nominatim = { lat: 51.23, lon: 6.78, address: { country_code: "de", state: "Nordrhein-Westfalen" } };
const OPEN_END = "Specified as open end. Closing time was guessed.";

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const data = JSON.parse(input);
  const holidays = ours.holidaySet(data.holidays);
  const out = data.items.map(([text, compact, moments]) => {
    let oh;
    try { oh = new OpeningHours(text, nominatim, { mode: 0, locale: "en" }); } catch (e) { return [false, []]; }
    return [true, moments.map((ms) => {
      const date = new Date(ms);
      let oracle = "closed";
      if (oh.getState(date)) oracle = "open";
      else if (oh.getUnknown(date)) oracle = oh.getComment(date) === OPEN_END ? "open_end" : "unknown";
      const mine = compact ? ours.evaluate(compact, holidays, date).state : null;
      return [oracle, mine];
    })];
  });
  process.stdout.write(JSON.stringify(out));
});
