"""The prose that must stay computed: wording that adapts to the corpus in ways a one-line
template cannot show (what the corpus can and cannot support, the limits of each analysis).

Everything else a notebook states is a fact table from its stage plus a template visible in
the notebook cell (`egov.report.say` / `egov.report.words`).
"""
from __future__ import annotations
