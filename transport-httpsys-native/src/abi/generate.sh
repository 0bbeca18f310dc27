#!/usr/bin/env bash
# Regenerates the ABI golden data (src/test/resources/abi/*.tsv) from the SDK headers.
# A developer step, not part of the build or CI. Needs (Debian): gcc-mingw-w64-x86-64 and wine64.
# Installs nothing; uses a throwaway WINEPREFIX under /tmp so no ~/.wine is touched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="$here/../test/resources/abi"
cc=x86_64-w64-mingw32-gcc

command -v "$cc" >/dev/null || { echo "missing $cc: apt-get install gcc-mingw-w64-x86-64" >&2; exit 1; }
wine=""
for candidate in wine64 wine; do
    if command -v "$candidate" >/dev/null; then wine="$candidate"; break; fi
done
[ -n "$wine" ] || { echo "missing wine: apt-get install wine64" >&2; exit 1; }

work="$(mktemp -d /tmp/httpsys-abi.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

run() { # run <exe> <output>
    "$wine" "$1" > "$work/out.tsv" 2> "$work/wine.log" || { cat "$work/wine.log" >&2; exit 1; }
    # Wine may still hand back CR/LF from a console; the golden files are LF-only.
    tr -d '\r' < "$work/out.tsv" > "$2"
}

cflags=(-std=gnu11 -O0 -Wall -Wextra -Werror -I"$here")
"$cc" "${cflags[@]}" -o "$work/abi_dump.exe" "$here/abi_dump.c"
"$cc" "${cflags[@]}" -DABI_SDK_SUPPLEMENT -o "$work/abi_dump_sdk.exe" "$here/abi_dump.c"

mkdir -p "$out_dir"
run "$work/abi_dump.exe" "$out_dir/abi-x64-mingw.tsv"
run "$work/abi_dump_sdk.exe" "$out_dir/abi-x64-sdk.tsv"
wc -l "$out_dir/abi-x64-mingw.tsv" "$out_dir/abi-x64-sdk.tsv"
