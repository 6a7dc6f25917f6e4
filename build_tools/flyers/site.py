"""The flyers family of a site build: every card, poster and Wegweiser under ``flyers/``.

The plan (:mod:`.plan`) was made in the load phase; here each job becomes a deferred file whose
bytes the driver makes — through the PDF cache, on every core — so a rebuild after editing one
offer renders two PDFs, not two thousand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs import Contribution, GeneratedFile
from .plan import job_key, job_maker

if TYPE_CHECKING:
    from ..build import Inputs, Tools


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """One deferred PDF per planned flyer (nothing when flyers are off or cannot be planned)."""
    plan = inputs.flyers
    if plan is None:
        return Contribution()
    files = [
        GeneratedFile(job.path, make=job_maker(job, plan.options), key=job_key(job, plan.options))
        for job in sorted(plan.jobs, key=lambda j: j.path)
    ]
    return Contribution(files=files)
