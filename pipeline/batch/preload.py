"""Imported once by the forkserver: load the pipeline and warm it up (jieba, grammars) there.

Every worker is then forked warm, so a replacement for a worker killed on timeout starts in
milliseconds instead of paying the start-up again.
"""

from __future__ import annotations

from .work import warm_up

warm_up()
