"""Cache entries on disk in formats that cannot run code when read: Parquet, .npy and JSON.

An entry is a folder: `entry.json` describes the value as a tree (JSON scalars, lists,
tuples, dicts, and tagged nodes) and names the files that hold its tables (Parquet) and
arrays (`.npy`, read with allow_pickle=False), with a BLAKE2 hash of each file. Only the
classes in CLASSES (egov's own dataclasses and the two fitted scikit-learn models, rebuilt
from their parameters and arrays) can appear; any other type is refused when writing,
and an unknown class name, a missing file or a hash that does not match fails the read.

Example: write_entry(folder / key, (docs, report)); value = read_entry(folder / key)
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

FORMAT = 1
MANIFEST = "entry.json"
# The only classes an entry may hold, by name -> "module:attribute" (never taken from the file).
CLASSES = {
    "LoadInfo": "egov.corpus.load:LoadInfo",
    "PassageTerms": "egov.topics.models:PassageTerms",
    "TopicModel": "egov.topics.models:TopicModel",
    "TopicStage": "egov.topics.stage:TopicStage",
    "NMF": "sklearn.decomposition:NMF",
    "LatentDirichletAllocation": "sklearn.decomposition:LatentDirichletAllocation",
}
ESTIMATORS = ("NMF", "LatentDirichletAllocation")


class EntryError(ValueError):
    """A cache entry that cannot be read back as written (damaged, tampered or unknown content)."""


def _class(name: str) -> type:
    if name not in CLASSES:
        raise EntryError(f"unknown class in cache entry: {name!r}")
    module, attr = CLASSES[name].split(":")
    return getattr(importlib.import_module(module), attr)


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class _Writer:
    """Encodes a value into a JSON tree, writing tables and arrays as files into `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, str] = {}
        self.memo: dict[int, int] = {}  # id(object) -> node id: shared objects are stored once
        self.keep: list[Any] = []  # keeps memoised objects alive so their ids stay unique

    def _file(self, suffix: str, data: bytes) -> str:
        name = f"{len(self.files)}{suffix}"
        (self.folder / name).write_bytes(data)
        self.files[name] = _hash(data)
        return name

    def array(self, a: np.ndarray) -> str:
        if a.dtype.hasobject:
            raise TypeError("object arrays are not cached")
        buf = io.BytesIO()
        np.save(buf, a, allow_pickle=False)
        return self._file(".npy", buf.getvalue())

    def encode(self, obj: Any) -> Any:
        if obj is None or isinstance(obj, (str, bool)):
            return obj
        if isinstance(obj, int) and type(obj) is int:
            return obj
        if type(obj) is float:
            return obj
        if isinstance(obj, np.generic) and not isinstance(obj, np.object_):
            return {"t": "scalar", "dtype": obj.dtype.str, "v": obj.item()}
        if type(obj) is list:
            if all(type(x) is str for x in obj):
                return {"t": "strs", "v": obj}
            return {"t": "list", "v": [self.encode(x) for x in obj]}
        if type(obj) is tuple:
            return {"t": "tuple", "v": [self.encode(x) for x in obj]}
        if type(obj) is dict:
            if all(type(k) is str for k in obj):
                return {"t": "dict", "v": {k: self.encode(v) for k, v in obj.items()}}
            return {"t": "pairs", "v": [[self.encode(k), self.encode(v)] for k, v in obj.items()]}
        if id(obj) in self.memo:
            return {"t": "ref", "id": self.memo[id(obj)]}
        node_id = len(self.memo)
        self.memo[id(obj)] = node_id
        self.keep.append(obj)
        return {**self._encode_object(obj), "id": node_id}

    def _encode_object(self, obj: Any) -> dict:
        from scipy import sparse

        if isinstance(obj, np.ndarray):
            if obj.dtype.hasobject:
                if not all(type(x) is str for x in obj.ravel()):
                    raise TypeError("object arrays of anything but str are not cached")
                return {"t": "str_array", "shape": list(obj.shape), "v": obj.ravel().tolist()}
            return {"t": "ndarray", "file": self.array(obj)}
        if isinstance(obj, pd.DataFrame):
            return self.frame(obj)
        if type(obj) is sparse.csr_matrix:
            return {"t": "csr", "shape": list(obj.shape), "sorted": bool(obj.has_sorted_indices),
                    "data": self.array(obj.data), "indices": self.array(obj.indices), "indptr": self.array(obj.indptr)}
        if isinstance(obj, np.random.RandomState):
            return {"t": "random_state", "state": self.encode(obj.get_state(legacy=True))}
        name = type(obj).__name__
        if name in CLASSES and _class(name) is type(obj):
            if name in ESTIMATORS:
                params = obj.get_params(deep=False)
                fitted = {k: v for k, v in vars(obj).items() if k not in params}
                return {"t": "estimator", "class": name, "params": self.encode(params), "fitted": self.encode(fitted)}
            fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
            return {"t": "dataclass", "class": name, "fields": self.encode(fields)}
        raise TypeError(f"cannot cache a {type(obj).__module__}.{type(obj).__qualname__}")

    def frame(self, df: pd.DataFrame) -> dict:
        """A DataFrame as Parquet; object columns (None, bool, int, float, str) as JSON text per value."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not all(type(c) is str for c in df.columns) or df.columns.duplicated().any():
            raise TypeError("only frames with unique string column names are cached")
        json_columns = [c for c in df.columns if df[c].dtype == object]
        data = df.copy(deep=False)
        for col in json_columns:
            if not all(v is None or type(v) in (bool, int, float, str) for v in data[col]):
                raise TypeError(f"column {col!r} holds values other than None, bool, int, float and str")
            data[col] = pd.array([json.dumps(v) for v in data[col]], dtype="str")
        data.attrs = {}
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pandas(data, preserve_index=None), buf)
        return {"t": "frame", "file": self._file(".parquet", buf.getvalue()), "json_columns": json_columns,
                "columns_dtype": str(df.columns.dtype), "attrs": self.encode(dict(df.attrs))}


class _Reader:
    """Decodes what _Writer wrote, checking every file against its hash first."""

    def __init__(self, folder: Path, files: dict[str, str]) -> None:
        self.folder = folder
        self.files = files
        self.memo: dict[int, Any] = {}

    def _bytes(self, name: str) -> np.ndarray:
        """The file's bytes as a writable uint8 array, read once (no second copy), hash checked."""
        if name not in self.files or "/" in name or name.startswith("."):
            raise EntryError(f"cache entry names an unlisted file: {name!r}")
        path = self.folder / name
        data = np.empty(path.stat().st_size, dtype=np.uint8)
        with open(path, "rb") as f:
            if f.readinto(memoryview(data)) != len(data):
                raise EntryError(f"cache entry file {name} changed while read")
        if _hash(data) != self.files[name]:
            raise EntryError(f"cache entry file {name} does not match its hash")
        return data

    def array(self, name: str) -> np.ndarray:
        """An .npy file as an array viewing the bytes read (allow_pickle=False: object arrays are refused)."""
        data = self._bytes(name)
        head = io.BytesIO(data[:65536].tobytes())
        version = np.lib.format.read_magic(head)
        if version not in ((1, 0), (2, 0)):
            raise EntryError(f"cache entry file {name}: unknown .npy version {version}")
        read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, fortran, dtype = read_header(head)
        if dtype.hasobject:
            raise EntryError(f"cache entry file {name} holds Python objects (refused, as allow_pickle=False)")
        count = int(np.prod(shape, dtype=np.int64))
        body = data[head.tell():head.tell() + count * dtype.itemsize]
        if len(body) != count * dtype.itemsize:
            raise EntryError(f"cache entry file {name} is truncated")
        return body.view(dtype).reshape(shape, order="F" if fortran else "C")

    def decode(self, node: Any) -> Any:
        if node is None or isinstance(node, (str, bool, int, float)):
            return node
        if not isinstance(node, dict):
            raise EntryError(f"unexpected node in cache entry: {type(node).__name__}")
        kind = node.get("t")
        if kind == "strs":
            return list(node["v"])
        if kind == "list":
            return [self.decode(x) for x in node["v"]]
        if kind == "tuple":
            return tuple(self.decode(x) for x in node["v"])
        if kind == "dict":
            return {k: self.decode(v) for k, v in node["v"].items()}
        if kind == "pairs":
            return {self.decode(k): self.decode(v) for k, v in node["v"]}
        if kind == "scalar":
            return np.dtype(node["dtype"]).type(node["v"])
        if kind == "ref":
            return self.memo[node["id"]]
        value = self._decode_object(kind, node)
        self.memo[node["id"]] = value
        return value

    def _decode_object(self, kind: str, node: dict) -> Any:
        from scipy import sparse

        if kind == "ndarray":
            return self.array(node["file"])
        if kind == "str_array":
            return np.array(node["v"], dtype=object).reshape(node["shape"])
        if kind == "frame":
            return self.frame(node)
        if kind == "csr":
            m = sparse.csr_matrix((self.array(node["data"]), self.array(node["indices"]), self.array(node["indptr"])),
                                  shape=tuple(node["shape"]))
            m.has_sorted_indices = node["sorted"]
            return m
        if kind == "random_state":
            rs = np.random.RandomState()
            rs.set_state(self.decode(node["state"]))
            return rs
        if kind == "estimator":
            if node["class"] not in ESTIMATORS:
                raise EntryError(f"not an estimator: {node['class']!r}")
            est = _class(node["class"])(**self.decode(node["params"]))
            for name, value in self.decode(node["fitted"]).items():
                setattr(est, name, value)
            return est
        if kind == "dataclass":
            if node["class"] in ESTIMATORS:
                raise EntryError(f"not a dataclass: {node['class']!r}")
            return _class(node["class"])(**self.decode(node["fields"]))
        raise EntryError(f"unknown node kind in cache entry: {kind!r}")

    def frame(self, node: dict) -> pd.DataFrame:
        import pyarrow as pa
        import pyarrow.parquet as pq

        df = pq.read_table(pa.BufferReader(pa.py_buffer(self._bytes(node["file"])))).to_pandas()
        for col in node["json_columns"]:
            df[col] = pd.Series([json.loads(v) for v in df[col]], index=df.index, dtype=object)
        if node["columns_dtype"] == "object":
            df.columns = pd.Index(list(df.columns), dtype=object)
        df.attrs = self.decode(node["attrs"])
        return df


def write_entry(folder: Path, value: Any) -> None:
    """Write `value` as a cache entry into the new, empty `folder` (TypeError for a type that cannot be cached)."""
    writer = _Writer(folder)
    tree = writer.encode(value)
    manifest = {"format": FORMAT, "files": writer.files, "value": tree}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=True), encoding="ascii")


def read_entry(folder: Path) -> Any:
    """The value stored in `folder`; EntryError (or OSError) when it is damaged, tampered or unknown."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="ascii"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise EntryError(f"cache entry {folder.name}: unreadable {MANIFEST}: {err}") from err
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise EntryError(f"cache entry {folder.name}: not a format-{FORMAT} entry")
    try:
        return _Reader(folder, manifest["files"]).decode(manifest.get("value"))
    except (KeyError, TypeError, AttributeError, IndexError) as err:
        raise EntryError(f"cache entry {folder.name}: malformed: {err!r}") from err
