#!/usr/bin/env python3
"""Compare two built sites: the same pages, with the same text (site_builder/sitetext.py).

Usage: scripts/compare-sites.py [--bytes] LEFT_SITE RIGHT_SITE [--names LEFT,RIGHT]

Exits 0 when both sites hold the same files and every page the same title, visible
text, indexed text and heading ids; 1 otherwise, printing the differing pages with a
diff of their text. `--bytes` also requires the other files (downloads, feeds, scripts)
to be byte for byte equal. Used by `make compare-generators` (MkDocs vs ProperDocs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The script runs from a checkout, with or without the package installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from site_builder.sitetext import compare_sites  # noqa: E402


def main() -> int:
    """Compare the two sites given; print the report; 0 equal, 1 different, 2 wrong use."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("left", type=Path)
    parser.add_argument("right", type=Path)
    parser.add_argument("--bytes", action="store_true", help="compare other files' bytes too")
    parser.add_argument("--names", default="left,right", help="how to call the two sites")
    args = parser.parse_args()
    for site in (args.left, args.right):
        if not (site / "index.html").is_file():
            print(f"compare-sites: {site} is not a built site (no index.html)", file=sys.stderr)
            return 2
    left, _, right = args.names.partition(",")
    difference = compare_sites(args.left, args.right, file_bytes=args.bytes)
    print(f"{left} {args.left} vs {right} {args.right}: {difference.report(left, right)}")
    return 1 if difference else 0


if __name__ == "__main__":
    sys.exit(main())
