"""An on-disk cache for work the notebooks share: the loaded corpus and its token stream.

`egov build` runs each notebook in a fresh kernel, and every notebook starts with
`load_corpus(corpus)`; on a large corpus loading and tokenizing again in each kernel
would cost more than the analyses. Entries are pickles named by a key that hashes
everything the result depends on: the corpus files (relative path, size, mtime),
the call's settings, and the bytes of the egov source and data files (so a changed
cleaning rule or stopword list is never served a stale result).

Where: `$EGOV_CACHE_DIR` (`egov build` sets `<out>/.cache`); "" or "off" disables it.
Unset, large inputs (>= MIN_ITEMS files or texts) use `~/.cache/egov` (kept to the
MAX_ENTRIES newest entries) and small ones are not cached (they are fast anyway).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

ENV = "EGOV_CACHE_DIR"
MIN_ITEMS = 500
MAX_ENTRIES = 8
VERSION = "1"  # bump when what is stored changes shape


def cache_dir(n_items: int) -> Path | None:
    """The cache folder for an input of n_items files or texts, or None when not caching."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "none") else Path(value)
    if n_items < MIN_ITEMS:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "egov"


CODE_ENV = "EGOV_CODE_FINGERPRINT"  # set by `egov build`: one code version for all its notebooks


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the egov package's source and data files: results depend on their rules.

    `egov build` computes it once and hands it to its kernels (EGOV_CODE_FINGERPRINT), so
    the notebooks of one build share entries even if a source file is edited meanwhile.
    """
    return os.environ.get(CODE_ENV) or compute_code_fingerprint()


def compute_code_fingerprint() -> str:
    """code_fingerprint read from the files now."""
    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(VERSION.encode(), digest_size=16)
    for path in sorted([*root.rglob("*.py"), *(p for p in (root / "data").rglob("*") if p.is_file())]):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def files_fingerprint(root: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of a file, or of every file under a folder, sorted."""
    if root.is_file():
        st = root.stat()
        return [(root.name, st.st_size, st.st_mtime_ns)]
    out = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath, name)
            st = path.stat()
            out.append((path.relative_to(root).as_posix(), st.st_size, st.st_mtime_ns))
    return sorted(out)


def texts_fingerprint(texts: list[str]) -> str:
    """Hash of a list of texts (their order and content)."""
    h = hashlib.blake2b(digest_size=16)
    for text in texts:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else b"\x01"
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def make_key(kind: str, *parts: Any) -> str:
    """A file-name-safe key: kind plus a hash of the parts (their repr) and of the egov code."""
    h = hashlib.blake2b(digest_size=20)
    h.update(code_fingerprint().encode())
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return f"{kind}-{h.hexdigest()}"


def cached(key: str, folder: Path | None, compute: Callable[[], Any]) -> Any:
    """compute() once per key: load `<folder>/<key>.pkl` if present, else compute and store it.

    A missing or unreadable entry is recomputed; with folder None nothing is stored.
    Example: cached(make_key("docs", path), cache_dir(n), lambda: slow(path))
    """
    if folder is None:
        return compute()
    path = folder / f"{key}.pkl"
    if path.exists():
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            pass  # a damaged or outdated entry: compute it again
    value = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: another kernel never reads half an entry
        if os.environ.get(ENV) is None:
            _prune(folder)
    except OSError:
        pass  # a read-only or full disk: the result is still correct, just not cached
    return value


def _prune(folder: Path, keep: int = MAX_ENTRIES) -> None:
    """Keep only the `keep` most recently written entries of the default cache folder."""
    entries = sorted(folder.glob("*.pkl"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)
