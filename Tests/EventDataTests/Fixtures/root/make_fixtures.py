#!/usr/bin/env python3
"""Writes the extra ROOT fixtures for OpenKey's ROOT reader tests, with real ROOT, and their
expected readings (NAME.expected.json) with uproot, the reference reader.

    pip install root uproot awkward      # ROOT 6.40 from PyPI (large: install once)
    python3 make_fixtures.py             # writes into this script's folder

Each file stays well under 1 MB. The expected readings follow the shared conformance format:
{"file", "reader", "trees": {path: {"entries", "branches": {name: {"type", "compression", "values"}}}}}.
Branches uproot cannot read as plain arrays (strings, nested containers, multi-leaf lists) are left out of
the readings; the tests check that OpenKey lists them as unreadable.
"""
import array
import json
import math
import os
import sys

import numpy as np
import ROOT
import uproot

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT.gROOT.SetBatch(True)

# (ROOT leaf code, numpy dtype, C++ type for std::vector, array typecode)
TYPES = [
    ("B", "i1", "signed char", "b"),
    ("b", "u1", "unsigned char", "B"),
    ("S", "i2", "short", "h"),
    ("s", "u2", "unsigned short", "H"),
    ("I", "i4", "int", "i"),
    ("i", "u4", "unsigned int", "I"),
    ("L", "i8", "long long", "q"),
    ("l", "u8", "unsigned long long", "Q"),
    ("F", "f4", "float", "f"),
    ("D", "f8", "double", "d"),
    ("O", "?", "bool", "B"),
]


def sample(rng, dtype, size):
    """Values that exercise the type's range (extremes included) but stay deterministic."""
    kind = np.dtype(dtype)
    if kind == np.bool_:
        return rng.integers(0, 2, size).astype(bool)
    if kind.kind in "iu":
        info = np.iinfo(kind)
        values = rng.integers(info.min, info.max, size, dtype=kind, endpoint=True)
        if size >= 2:
            values[0], values[-1] = info.min, info.max
        return values
    values = rng.normal(0, 1000, size).astype(kind)
    return values


def write_types(path):
    """Every numeric type as scalar, fixed array, counted array and std::vector; small baskets."""
    rng = np.random.default_rng(2024)
    entries = 400
    f = ROOT.TFile(path, "RECREATE", "", 101)
    t = ROOT.TTree("types", "every numeric type")
    n = array.array("i", [0])
    t.Branch("n", n, "n/I")
    buffers = {}
    for code, dtype, cxx, tc in TYPES:
        name = "x" + (code if code.isupper() else "u" + code.upper())
        scalar = np.zeros(1, dtype=dtype)
        fixed = np.zeros(3, dtype=dtype)
        counted = np.zeros(8, dtype=dtype)
        vec = ROOT.std.vector[cxx]()
        t.Branch("s_" + name, scalar, f"s_{name}/{code}")
        t.Branch("a_" + name, fixed, f"a_{name}[3]/{code}")
        t.Branch("c_" + name, counted, f"c_{name}[n]/{code}")
        t.Branch("v_" + name, vec)
        buffers[name] = (dtype, scalar, fixed, counted, vec)
    matrix = np.zeros((2, 3), dtype="i4")
    t.Branch("m2d", matrix, "m2d[2][3]/I")
    pairs = np.zeros((8, 2), dtype="f8")
    t.Branch("c2d", pairs, "c2d[n][2]/D")
    rvec = ROOT.ROOT.VecOps.RVec["float"]()
    t.Branch("rvec_f", rvec)
    special = np.zeros(1, dtype="f8")
    t.Branch("special", special, "special/D")
    text = ROOT.std.string()
    t.Branch("text", text)
    chars = array.array("b", b"\0" * 16)
    t.Branch("chars", chars, "chars/C")
    nested = ROOT.std.vector[ROOT.std.vector["float"]]()
    t.Branch("nested", nested)
    point = np.zeros(2, dtype="f4")
    t.Branch("point", point, "px/F:py/F")
    t.SetBasketSize("*", 1000)
    specials = [math.nan, math.inf, -math.inf, 0.0, -0.0, 5e-324, 1.7976931348623157e308]
    for i in range(entries):
        n[0] = int(rng.integers(0, 9))
        for name, (dtype, scalar, fixed, counted, vec) in buffers.items():
            scalar[:] = sample(rng, dtype, 1)
            fixed[:] = sample(rng, dtype, 3)
            counted[: n[0]] = sample(rng, dtype, n[0])
            vec.clear()
            for v in sample(rng, dtype, int(rng.integers(0, 6))):
                vec.push_back(v.item())
        matrix[:] = rng.integers(-100, 100, (2, 3))
        pairs[: n[0]] = rng.normal(0, 1, (n[0], 2))
        rvec.clear()
        for v in rng.normal(0, 10, int(rng.integers(0, 4))).astype("f4"):
            rvec.push_back(float(v))
        special[0] = specials[i % len(specials)]
        text.replace(0, text.size(), f"event {i}")
        word = f"c{i}".encode()[:15]
        for k in range(16):
            chars[k] = word[k] if k < len(word) else 0
        inner = ROOT.std.vector["float"]()
        inner.push_back(float(i))
        nested.clear()
        nested.push_back(inner)
        point[:] = [i, -i]
        t.Fill()
    t.Write()
    f.Close()


def write_directories(path):
    """A tree in a subdirectory (two levels), a tree written twice (cycles 1 and 2), and a TNtuple."""
    f = ROOT.TFile(path, "RECREATE", "", 101)
    x = array.array("f", [0.0])
    t = ROOT.TTree("mini", "cycles")
    t.Branch("x", x, "x/F")
    for i in range(10):
        x[0] = i
        t.Fill()
    t.Write()                       # cycle 1: 10 entries
    for i in range(10, 25):
        x[0] = i
        t.Fill()
    t.Write()                       # cycle 2: 25 entries (the one to read)
    d = f.mkdir("events")
    d.cd()
    e = ROOT.TTree("events", "in a subdirectory")
    k = array.array("i", [0])
    e.Branch("k", k, "k/I")
    for i in range(40):
        k[0] = i * i
        e.Fill()
    e.Write()
    inner = d.mkdir("deeper")
    inner.cd()
    nt = ROOT.TNtuple("nt", "an ntuple", "a:b")
    for i in range(30):
        nt.Fill(i * 0.5, -i)
    nt.Write()
    f.Close()


def write_embedded(path):
    """A tree saved (AutoSave) while its baskets were still in memory: the baskets are stored inside
    the TTree object. Some baskets are on disk already (small basket size) and the rest embedded."""
    f = ROOT.TFile(path, "RECREATE", "", 101)
    t = ROOT.TTree("embedded", "baskets inside the tree")
    x = array.array("d", [0.0])
    v = ROOT.std.vector["float"]()
    t.Branch("x", x, "x/D")
    t.Branch("v", v)
    t.SetBasketSize("*", 2000)
    t.SetAutoSave(0)
    t.SetAutoFlush(0)
    for i in range(700):
        x[0] = i * 1.5
        v.clear()
        for k in range(i % 4):
            v.push_back(i + k / 10)
        t.Fill()
    t.AutoSave()                    # saves the tree header only: pending baskets go inside it
    f.Close()


def write_generated_offsets(path):
    """A tree whose baskets use ROOT's kGenerateOffsetMap I/O feature (no stored entry offsets for
    counted arrays: they are rebuilt from the counter branch)."""
    f = ROOT.TFile(path, "RECREATE", "", 101)
    t = ROOT.TTree("offsets", "kGenerateOffsetMap")
    features = ROOT.ROOT.TIOFeatures()
    features.Set(ROOT.ROOT.Experimental.EIOFeatures.kGenerateOffsetMap)
    t.SetIOFeatures(features)
    n = array.array("i", [0])
    c = array.array("f", [0.0] * 10)
    v = ROOT.std.vector["int"]()
    t.Branch("n", n, "n/I")
    t.Branch("c", c, "c[n]/F")
    t.Branch("v", v)
    t.SetBasketSize("*", 1000)
    for i in range(500):
        n[0] = i % 7
        for k in range(n[0]):
            c[k] = i + k * 0.25
        v.clear()
        for k in range(i % 5):
            v.push_back(i * 10 + k)
        t.Fill()
    t.Write()
    f.Close()


def write_branch_compression(path):
    """A zlib file whose branches use other algorithms: LZ4 (readable), ZSTD and LZMA (clear errors)."""
    f = ROOT.TFile(path, "RECREATE", "", 101)
    t = ROOT.TTree("mixed", "per-branch compression")
    values = {name: array.array("f", [0.0]) for name in ("zl", "lz4", "zstd", "lzma")}
    branches = {name: t.Branch(name, buf, f"{name}/F") for name, buf in values.items()}
    branches["lz4"].SetCompressionSettings(404)
    branches["zstd"].SetCompressionSettings(505)
    branches["lzma"].SetCompressionSettings(207)
    for i in range(200):
        for k, buf in enumerate(values.values()):
            buf[0] = i * (k + 1) * 0.5
        t.Fill()
    t.Write()
    f.Close()


# Branches that hold text, nested containers or several leaves: OpenKey lists them as unreadable.
NOT_NUMBERS = {"text", "chars", "nested", "point"}


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    return float(value)


def expected(path):
    """uproot's reading of every tree (all directories) in the shared conformance format."""
    out = {"file": os.path.basename(path), "reader": f"uproot {uproot.__version__}", "trees": {}}
    with uproot.open(path) as f:
        for key, cls in f.classnames(recursive=True, cycle=False).items():
            if cls not in ("TTree", "TNtuple", "TNtupleD"):
                continue
            tree = f[key]
            branches = {}
            for b in tree.branches:
                if b.name in NOT_NUMBERS:
                    continue
                data = b.array(library="ak").to_list()
                if b.name in NOT_NUMBERS:
                    continue
                branches[b.name] = {"type": b.typename, "compression": repr(b.compression),
                                    "values": plain(data)}
            out["trees"][key] = {"entries": tree.num_entries, "branches": branches}
    with open(path.replace(".root", ".expected.json"), "w") as fp:
        json.dump(out, fp, separators=(",", ":"))


def expected_with_root_values(path):
    """As `expected`, but with values read by ROOT itself (TTree::GetEntry) for files uproot cannot read."""
    out = {"file": os.path.basename(path), "reader": f"ROOT {ROOT.gROOT.GetVersion()} (types: uproot)",
           "trees": {}}
    with uproot.open(path) as f:
        for key, cls in f.classnames(recursive=True, cycle=False).items():
            if cls != "TTree":
                continue
            tree = f[key]
            rfile = ROOT.TFile(path)
            rtree = rfile.Get(key)
            values = {b.name: [] for b in tree.branches}
            for i in range(rtree.GetEntries()):
                rtree.GetEntry(i)
                for b in tree.branches:
                    obj = getattr(rtree, b.name)
                    if b.typename.startswith("std::vector"):
                        values[b.name].append(plain(list(obj)))
                    elif b.typename.endswith("[]"):
                        length = rtree.GetLeaf(b.name).GetLen()
                        values[b.name].append(plain([obj[k] for k in range(length)]))
                    else:
                        values[b.name].append(plain(obj))
            rfile.Close()
            branches = {b.name: {"type": b.typename, "compression": repr(b.compression), "values": values[b.name]}
                        for b in tree.branches}
            out["trees"][key] = {"entries": tree.num_entries, "branches": branches}
    with open(path.replace(".root", ".expected.json"), "w") as fp:
        json.dump(out, fp, separators=(",", ":"))


def main():
    writers = {
        "types_zlib.root": write_types,
        "directories_zlib.root": write_directories,
        "embedded_baskets.root": write_embedded,
        "generated_offsets.root": write_generated_offsets,
        "branch_compression.root": write_branch_compression,
    }
    for name, write in writers.items():
        path = os.path.join(HERE, name)
        write(path)
        try:
            expected(path)
        except Exception as error:
            print(f"{name}: uproot cannot read it ({type(error).__name__}); values read with ROOT", file=sys.stderr)
            expected_with_root_values(path)
        print(f"{name}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
