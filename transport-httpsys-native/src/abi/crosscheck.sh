#!/usr/bin/env bash
# Compares the project's golden ABI files (src/test/resources/abi) with an independently produced reference
# (by default /work/shared/abi: abi-x64.tsv from mingw-w64, abi-x64-win32metadata.tsv from win32metadata).
# A developer step like generate.sh; CI does not run it and nothing in the build reads the reference.
# Usage: bash crosscheck.sh [reference-dir]    Prints every difference; the findings live in CROSSCHECK.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
golden="$here/../test/resources/abi"
reference="${1:-/work/shared/abi}"

python3 - "$golden" "$reference" <<'PY'
import re
import sys

golden_dir, reference_dir = sys.argv[1], sys.argv[2]
NUMBER = re.compile(r"\s*(0[xX][0-9a-fA-F]+|\d+)")


def load(path, strip_suffix=""):
    """(kind, name, member) -> value, where kind is 'struct' or 'const'; notes and missing lines are skipped."""
    entries = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            columns = line.split("\t")
            head = columns[0].replace(strip_suffix, "") if strip_suffix else columns[0]
            if head in ("note", "missing"):
                continue
            if head == "const":
                match = NUMBER.match(columns[2])
                if match:  # reference lines such as "{1,0} (as ULONG by value: 0x00000001)" carry no plain number
                    entries[("const", columns[1], "")] = int(match.group(1), 0)
                else:
                    by_value = re.search(r"0x[0-9a-fA-F]+", columns[2])
                    entries[("const", columns[1], "")] = int(by_value.group(0), 16) if by_value else columns[2]
            else:
                entries[("struct", head, columns[1])] = tuple(int(c) for c in columns[2:4])
    return entries


def compare(title, mine, theirs):
    print("== " + title)
    only_mine = sorted(k for k in mine if k not in theirs)
    only_theirs = sorted(k for k in theirs if k not in mine)
    different = sorted(k for k in mine if k in theirs and mine[k] != theirs[k])
    for key in different:
        print("DIFFERENT\t%s\t%s\tours=%s\treference=%s" % (key[1], key[2], mine[key], theirs[key]))
    for key in only_theirs:
        print("ONLY-IN-REFERENCE\t%s\t%s\t%s" % (key[1], key[2], theirs[key]))
    for key in only_mine:
        print("ONLY-IN-OURS\t%s\t%s\t%s" % (key[1], key[2], mine[key]))
    print("-- %d in common, %d different, %d only in the reference, %d only in ours"
          % (len([k for k in mine if k in theirs]), len(different), len(only_theirs), len(only_mine)))
    print()


mingw = load(golden_dir + "/abi-x64-mingw.tsv")
sdk = load(golden_dir + "/abi-x64-sdk.tsv")
reference_mingw = load(reference_dir + "/abi-x64.tsv")
reference_sdk = load(reference_dir + "/abi-x64-win32metadata.tsv", strip_suffix="@win32metadata")

compare("mingw-w64: abi-x64-mingw.tsv vs abi-x64.tsv", mingw, reference_mingw)
compare("SDK: abi-x64-sdk.tsv vs abi-x64-win32metadata.tsv", sdk, reference_sdk)


def merged(base, override):
    result = dict(base)
    for struct in {k[1] for k in override if k[0] == "struct"}:
        for key in [k for k in result if k[0] == "struct" and k[1] == struct]:
            del result[key]
    result.update(override)
    return result


compare("merged (SDK over mingw): ours vs reference", merged(mingw, sdk), merged(reference_mingw, reference_sdk))
PY
