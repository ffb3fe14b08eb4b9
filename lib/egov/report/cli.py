"""The `egov` command: `egov build [--corpus PATH] [--out DIR] [--in-place] [--show-code] [--engine E]`."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `egov` command."""
    parser = argparse.ArgumentParser(prog="egov", description="Analyse news coverage of Chinese e-government.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="run every notebook on a corpus and write a shareable HTML report")
    b.add_argument("--corpus", default="seeds", help='a folder of .txt/.md/.html files, a CSV/JSONL file, or "seeds" (default)')
    b.add_argument("--out", default="build", help="output folder (default: build/)")
    b.add_argument("--in-place", action="store_true", help="also refresh the committed notebooks and figures/ (sample corpus only)")
    b.add_argument("--show-code", action="store_true", help="keep the code cells in the HTML pages")
    b.add_argument("--only", nargs="*", help="run only notebooks whose names start with these prefixes, e.g. 01 02")
    b.add_argument("--engine", default="auto", choices=["auto", "serial", "processes", "dask"],
                   help="where loading and counting run: auto (default: worker processes for large corpora), "
                        "serial, processes, or dask (a LocalCluster unless --scheduler is given)")
    b.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    args = parser.parse_args(argv)
    if args.command == "build":
        from egov.report.build import build

        if args.in_place and args.corpus != "seeds":
            parser.error("--in-place refreshes the committed notebooks, which show the sample corpus; drop --corpus")
        if args.scheduler and args.engine != "dask":
            parser.error("--scheduler needs --engine dask")
        return build(args.corpus, args.out, in_place=args.in_place, show_code=args.show_code, only=args.only,
                     engine_name=args.engine, scheduler=args.scheduler)
    return 2


if __name__ == "__main__":
    sys.exit(main())
