"""An on-disk cache for work the notebooks share: the loaded corpus, tokens, concept counts, topics.

`egov build` runs each notebook in a fresh kernel, and every notebook starts with
`load_corpus(corpus)`; on a large corpus loading and tokenizing again in each kernel
would cost more than the analyses. Entries are folders of Parquet, .npy and JSON files
(egov.cache_format: reading one runs no code) named by a key that hashes everything the
result depends on: the corpus files (relative path, size, mtime), the call's settings, and
the bytes of the egov source and data files (so a changed cleaning rule or stopword list is
never served a stale result).

Where: `$EGOV_CACHE_DIR` if set ("", "0", "off" or "none" disable it), else the user cache
folder (`~/.cache/egov` on Linux, platformdirs elsewhere), kept to the MAX_ENTRIES most
recently used entries and MAX_BYTES. Never inside a report folder: a report is shared, and
a folder someone sent is never read as a cache. Unset, only large inputs (>= MIN_ITEMS
files or texts) are cached, except within `egov build` (EGOV_BUILD), whose notebooks share
every entry.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from egov import cache_format

ENV = "EGOV_CACHE_DIR"
BUILD_ENV = "EGOV_BUILD"  # set by `egov build` for its kernels: cache inputs of any size
MIN_ITEMS = 500
MAX_ENTRIES = 32
MAX_BYTES = 2 * 1024**3
VERSION = "2"  # bump when what is stored changes shape
OFF = ("", "0", "off", "none")


def default_dir() -> Path:
    """The user cache folder for egov (`$XDG_CACHE_HOME/egov` or `~/.cache/egov` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("egov", appauthor=False))


def folder() -> Path | None:
    """The cache folder in use: `$EGOV_CACHE_DIR`, else default_dir(); None when the variable turns it off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in OFF else Path(value)
    return default_dir()


def cache_dir(n_items: int) -> Path | None:
    """The cache folder for an input of n_items files or texts, or None when not caching."""
    if os.environ.get(ENV) is None and n_items < MIN_ITEMS and not os.environ.get(BUILD_ENV):
        return None
    return folder()


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
    """compute() once per key: read the entry `<folder>/<key>/` if present, else compute and store it.

    Entries are Parquet, .npy and JSON (egov.cache_format), so reading one runs no code;
    a missing, damaged or tampered entry is computed again and replaced; with folder None
    nothing is stored. A value that cannot be stored is still returned, just not cached.
    Example: cached(make_key("docs", path), cache_dir(n), lambda: slow(path))
    """
    if folder is None:
        return compute()
    entry = folder / key
    if (entry / cache_format.MANIFEST).exists():
        try:
            value = cache_format.read_entry(entry)
        except Exception:  # noqa: BLE001 - any failure to read means: compute it again
            pass
        else:
            try:
                os.utime(entry / cache_format.MANIFEST)  # recently used: pruned last
            except OSError:
                pass  # a read-only cache still serves its entries
            return value
    value = compute()
    _store(folder, entry, value)
    return value


def _store(folder: Path, entry: Path, value: Any) -> None:
    """Write the entry into a temporary folder, then rename it into place (other kernels never see half an entry)."""
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder, prefix=".tmp-"))
        cache_format.write_entry(tmp, value)
        if entry.exists():  # a damaged entry, or one written meanwhile by another kernel
            shutil.rmtree(entry, ignore_errors=True)
        os.rename(tmp, entry)
        tmp = None
        if os.environ.get(ENV) is None:
            prune(folder)
    except Exception:  # noqa: BLE001 - a full disk or a value that cannot be stored: correct, just not cached
        pass
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def prune(folder: Path, keep: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
    """Keep the most recently used entries of a cache folder: at most `keep`, and at most `max_bytes`
    in all (the newest is always kept). Pickles left by earlier egov versions are removed."""
    for old in folder.glob("*.pkl"):
        old.unlink(missing_ok=True)
    entries = []
    for manifest in folder.glob(f"*/{cache_format.MANIFEST}"):
        if not manifest.parent.name.startswith("."):
            size = sum(p.stat().st_size for p in manifest.parent.iterdir())
            entries.append((manifest.stat().st_mtime_ns, size, manifest.parent))
    entries.sort(key=lambda e: e[0], reverse=True)
    total = 0
    for i, (_, size, path) in enumerate(entries):
        total += size
        if i > 0 and (i >= keep or total > max_bytes):
            shutil.rmtree(path, ignore_errors=True)
