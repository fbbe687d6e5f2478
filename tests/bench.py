"""`make bench`: run every tests/bench_*.py module's main() and print its figures."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    only = sys.argv[1:]
    for name in names:
        if only and not any(o in name for o in only):
            continue
        print(f"== {name}")
        importlib.import_module(f"tests.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
