"""Python and JavaScript evaluators agree on generated (schedule, moment) cases.

All cases go to one ``node`` process as JSON; any difference in state, next change or the
sentence in any catalogue language fails the test (German and English are built into the
script; the others reach it as the page would carry them, ``texts.status_words``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from build_tools.i18n import available
from build_tools.opening_hours import Calendar, compact_schedule, holiday_dates, status_text
from build_tools.opening_hours.evaluate import evaluate, local_minute
from build_tools.opening_hours.texts import status_words

from .cases import cases

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "site_templates" / "assets" / "javascripts" / "atlas-hours.js"
COUNT = 2000

RUNNER = """
const hours = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const data = JSON.parse(input);
  const holidays = hours.holidaySet(data.holidays);
  Object.keys(data.words).forEach((lang) => hours.addWords(lang, data.words[lang]));
  const out = data.cases.map(([compact, ms]) => {
    const s = hours.evaluate(compact, holidays, new Date(ms));
    return [s.state, s.change === null ? null : hours.isoMinute(s.change),
            ...data.langs.map((lang) => hours.textOf(s, lang))];
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def run_node(holidays: list[str], items: list) -> list:
    node = shutil.which("node")
    assert node, "node fehlt: Debian-Paket nodejs installieren (make test tut es)"
    done = subprocess.run(
        [node, "-e", RUNNER, str(JS)],
        input=json.dumps({"holidays": holidays, "cases": items, "langs": list(available()),
                          "words": {lang: status_words(lang) for lang in available()
                                    if lang not in ("de", "en")}}),
        capture_output=True, text=True, timeout=60, check=True,
    )
    return json.loads(done.stdout)


def test_python_and_javascript_agree_on_generated_cases():
    holidays = holiday_dates("NW", range(2025, 2030))
    generated = cases(COUNT)
    expected, items = [], []
    for offer, moment in generated:
        status = evaluate(Calendar.of_offer(offer, holidays), local_minute(moment))
        change = status.as_dict()["change"]
        expected.append([status.state, change, *(status_text(status, lang) for lang in available())])
        items.append([compact_schedule(offer), int(moment.timestamp() * 1000)])

    actual = run_node(sorted(d.isoformat() for d in holidays), items)

    differences = [
        (offer, moment.isoformat(), want, got)
        for (offer, moment), want, got in zip(generated, expected, actual, strict=True)
        if want != got
    ]
    assert len(generated) >= 1000
    assert not differences, f"{len(differences)} of {len(generated)} differ, e.g. {differences[:3]}"
    states = {row[0] for row in expected}
    assert {"open", "closed", "season", "ended", "upcoming", "paused"} <= states
