"""The `Evidence` a part–whole check carries: how firmly the text ties its figures, and their roles."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Evidence, EvidenceFigure, EvidenceStrength, Span
from .context import Context, Draft
from .figures import Figure

COMPLETE, PARTIAL, WEAK = EvidenceStrength.COMPLETE, EvidenceStrength.PARTIAL, EvidenceStrength.WEAK


def evidence(ctx: Context, strength: EvidenceStrength, basis: str, roles: Sequence[tuple[str, Figure]],
             reason: str | None = None) -> Evidence:
    """`roles` pairs each figure used with the part it plays (whole, part, share …)."""
    figures = [EvidenceFigure(role=role, text=ctx.text[f.start : f.end], span=Span(start=f.start, end=f.end),
                              claim_id=f.claim_ids[0] if f.claim_ids else None) for role, f in roles]
    return Evidence(strength=strength, basis=basis, reason=reason, figures=figures)


def with_evidence(ctx: Context, draft: Draft, strength: EvidenceStrength, basis: str,
                  roles: Sequence[tuple[str, Figure]]) -> Draft:
    """`draft` with its evidence set; an exemption (约, a period not stated) is the reason."""
    draft.evidence = evidence(ctx, strength, basis, roles, draft.exemption)
    return draft
